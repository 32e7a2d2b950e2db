package sohoa.testkit.pdf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Poppler's pdfsig: a signature validator that shares no code with iText, for second opinions. */
public final class Poppler {
  private Poppler() {}

  /** What {@code pdfsig FILE} prints about the file's signatures (its exit code is not a verdict). */
  public static String pdfsig(Path file) throws IOException, InterruptedException {
    Process pdfsig = new ProcessBuilder("pdfsig", file.toString()).redirectErrorStream(true)
        .start();
    String report = new String(pdfsig.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    pdfsig.waitFor();
    return report;
  }
}
