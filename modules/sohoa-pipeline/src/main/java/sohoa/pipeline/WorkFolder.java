package sohoa.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import sohoa.core.document.DocumentId;
import sohoa.core.error.StorageFailure;
import sohoa.core.process.Holder;

/**
 * A document's own folder under the data folder's {@code work/}, {@code <id>@<holder>}, made when
 * its digitising starts and removed with whatever its stages left there when it ends, whether it
 * succeeded or not. A process killed meanwhile leaves its folders behind (a PDF/A half written
 * can be hundreds of megabytes); the next process to open the data folder removes them.
 */
final class WorkFolder implements AutoCloseable {
  private static final Pattern NAME = Pattern.compile("([0-9a-f]{32})@(.+)");
  /**
   * How long a folder of a process on another host (a data folder on a shared disk) is kept:
   * that process cannot be asked whether it lives, and no document takes this long.
   */
  private static final Duration OTHER_HOST = Duration.ofDays(7);

  private final Path path;

  private WorkFolder(Path path) {
    this.path = path;
  }

  /** Where {@code holder} digitises the document {@code id} within {@code work}. */
  static Path of(Path work, DocumentId id, Holder holder) {
    return work.resolve(id.value() + "@" + holder);
  }

  /**
   * Removes from {@code work} the document folders of processes that are gone, as {@code self}
   * sees them.
   */
  static void sweep(Path work, Holder self, Clock clock) {
    try (Stream<Path> folders = Files.list(work)) {
      for (Path folder : folders.toList()) {
        Matcher name = NAME.matcher(folder.getFileName().toString());
        if (name.matches() && self.seesAbandoned(name.group(2),
            Files.getLastModifiedTime(folder).toInstant(), clock.instant(), OTHER_HOST)) {
          new WorkFolder(folder).close();
        }
      }
    } catch (IOException ignored) {
      // What cannot be listed now is swept by the next process; nothing reads these folders.
    }
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
