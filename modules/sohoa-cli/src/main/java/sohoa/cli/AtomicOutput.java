package sohoa.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import sohoa.core.error.ConfigurationError;
import sohoa.core.error.SohoaException;
import sohoa.core.error.StorageFailure;
import sohoa.core.files.AtomicFile;

/** A PDF made from another by signing or extending, which appears at its path whole or not at all. */
final class AtomicOutput {
  private AtomicOutput() {}

  /** What signs or extends from one stream to another. */
  interface Transform {
    void apply(InputStream in, OutputStream out) throws SohoaException;
  }

  /**
   * Runs {@code transform} from {@code input} into a temporary file beside {@code output}, moved
   * into place only when it succeeded: a failed signature leaves no half-written file.
   */
  static void write(Path input, Path output, Transform transform)
      throws SohoaException {
    if (input.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize())) {
      throw new ConfigurationError("the output would overwrite the input "
          + input, "write the signed PDF to another file");
    }
    write(output, "read " + input + " or write " + output, out -> {
      try (InputStream in = Files.newInputStream(input)) {
        transform.apply(in, out);
      }
    });
  }

  /**
   * Writes a report (an export) to {@code output}, whole or not at all, or to {@code out} when
   * no file is given.
   */
  static void report(Path output, PrintWriter out, byte[] bytes) throws SohoaException {
    if (output == null) {
      out.print(new String(bytes, StandardCharsets.UTF_8));
      out.flush();
    } else {
      write(output, new ByteArrayInputStream(bytes));
    }
  }

  /** Copies {@code in} to {@code output}, which appears whole or not at all. */
  static void write(Path output, InputStream in) throws SohoaException {
    write(output, "write " + output, in::transferTo);
  }

  private static void write(Path output, String what, AtomicFile.Body<SohoaException> body)
      throws SohoaException {
    try {
      AtomicFile.write(output, body);
    } catch (IOException e) {
      throw new StorageFailure("cannot " + what + ": " + e.getMessage(),
          "check the paths and the free space", e);
    }
  }
}
