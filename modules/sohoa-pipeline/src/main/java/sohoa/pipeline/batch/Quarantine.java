package sohoa.pipeline.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps a rejected input, untouched, beside a {@code .error.txt} that says what was wrong with it
 * and what to do, in {@code quarantine/<job>/}. The input itself is copied, never moved: the
 * officer's folder stays as it was.
 */
final class Quarantine {
  private final Path folder;

  Quarantine(Path quarantineRoot, String jobId) {
    this.folder = quarantineRoot.resolve(jobId);
  }

  /** Keeps {@code source}; returns where, or empty when there was nothing to keep. */
  Optional<Path> keep(Path source, int index, String code, String message, String remedy,
      Instant when) throws IOException {
    Files.createDirectories(folder);
    String name = String.format("%05d-%s", index, safeName(source));
    Path kept = folder.resolve(name);
    Path reason = folder.resolve(name + ".error.txt");
    Files.writeString(reason, String.join("\n",
        "file:    " + source,
        "error:   " + code,
        "reason:  " + message,
        "fix:     " + remedy,
        "time:    " + when,
        ""), StandardCharsets.UTF_8);
    if (!Files.isRegularFile(source)) {
      return Optional.of(reason);
    }
    Files.copy(source, kept, StandardCopyOption.REPLACE_EXISTING);
    return Optional.of(kept);
  }

  /** The file name with anything a filesystem or a shell could trip over replaced. */
  static String safeName(Path source) {
    Path fileName = source.getFileName();
    String name = fileName == null ? "input" : fileName.toString();
    name = name.replaceAll("[\\p{Cntrl}/\\\\]", "_").replaceAll("^\\.+", "_");
    return name.length() > 120 ? name.substring(0, 120) : name;
  }
}
