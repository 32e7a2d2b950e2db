package sohoa.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import sohoa.core.error.StorageFailure;

/**
 * A document's own folder under the data folder's {@code work/}, made when its digitising starts
 * and removed with whatever its stages left there when it ends, whether it succeeded or not.
 */
final class WorkFolder implements AutoCloseable {
  private final Path path;

  private WorkFolder(Path path) {
    this.path = path;
  }

  /** Makes {@code document}'s work folder, emptied first of anything a crashed run left. */
  static WorkFolder create(DocumentContext document) throws StorageFailure {
    WorkFolder folder = new WorkFolder(document.work());
    try {
      folder.remove();
      Files.createDirectories(folder.path);
      return folder;
    } catch (IOException | RuntimeException e) {
      throw new StorageFailure("cannot create a work folder for " + document.name() + " in "
          + document.work().getParent() + ": " + e.getMessage(),
          "check free space and permissions of the data folder", e);
    }
  }

  @Override
  public void close() {
    try {
      remove();
    } catch (IOException ignored) {
      // A leftover work file is harmless: the work folder holds nothing a later run reads, and
      // the next run of the same document empties it first.
    }
  }

  private void remove() throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
