package sohoa.core.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file that appears whole or not at all: the bytes go to a temporary file beside it,
 * which is then moved over it in one step. A reader never sees half a report, checkpoint or
 * signed PDF, and a crash leaves the old file (or none), never a torn one.
 */
public final class AtomicFile {
  private AtomicFile() {}

  /**
   * What goes into the file.
   *
   * @param <E> what else writing it may fail with (a signer's failure, say)
   */
  @FunctionalInterface
  public interface Body<E extends Exception> {
    void writeTo(OutputStream out) throws IOException, E;
  }

  /** Writes {@code target} through {@code body}; the temporary file is gone either way. */
  public static <E extends Exception> void write(Path target, Body<E> body)
      throws IOException, E {
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temporary = Files.createTempFile(parent, ".sohoa-", ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temporary)) {
        body.writeTo(out);
      }
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
