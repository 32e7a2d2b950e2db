package sohoa.pipeline.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import sohoa.pipeline.FileNames;

/**
 * Keeps a rejected input, untouched, beside a {@code .error.txt} that says what was wrong with it
 * and what to do: in {@code quarantine/<job>/} for a batch, where the input is copied and the
 * officer's folder stays as it was; in a watched folder's {@code quarantine/}, where it is moved
 * out of the way of the next scans.
 */
public final class Quarantine {
  private final Path folder;

  Quarantine(Path quarantineRoot, String jobId) {
    this.folder = quarantineRoot.resolve(jobId);
  }

  private Quarantine(Path folder) {
    this.folder = folder;
  }

  /** A quarantine that is {@code folder} itself. */
  public static Quarantine in(Path folder) {
    return new Quarantine(folder);
  }

  /**
   * Moves {@code source} into the quarantine, beside its reason, under its own name (with a
   * number added when that is taken); returns where it went.
   */
  public Path move(Path source, String code, String message, String remedy, Instant when)
      throws IOException {
    Files.createDirectories(folder);
    Path kept = FileNames.unused(folder, FileNames.safe(source));
    writeReason(kept.resolveSibling(kept.getFileName() + ".error.txt"), source, code, message,
        remedy, when);
    Files.move(source, kept, StandardCopyOption.ATOMIC_MOVE);
    return kept;
  }

  /** Keeps {@code source}; returns where, or empty when there was nothing to keep. */
  Optional<Path> keep(Path source, int index, String code, String message, String remedy,
      Instant when) throws IOException {
    Files.createDirectories(folder);
    String name = String.format("%05d-%s", index, FileNames.safe(source));
    Path kept = folder.resolve(name);
    Path reason = folder.resolve(name + ".error.txt");
    writeReason(reason, source, code, message, remedy, when);
    if (!Files.isRegularFile(source)) {
      return Optional.of(reason);
    }
    Files.copy(source, kept, StandardCopyOption.REPLACE_EXISTING);
    return Optional.of(kept);
  }

  private static void writeReason(Path reason, Path source, String code, String message,
      String remedy, Instant when) throws IOException {
    Files.writeString(reason, reason(source.toString(), code, message, remedy, when),
        StandardCharsets.UTF_8);
  }

  /** The text of a {@code .error.txt}: the input, the error, the reason, the fix, the time. */
  public static String reason(String source, String code, String message, String remedy,
      Instant when) {
    return String.join("\n",
        "file:    " + FileNames.printable(source),
        "error:   " + code,
        "reason:  " + message,
        "fix:     " + remedy,
        "time:    " + when,
        "");
  }
}
