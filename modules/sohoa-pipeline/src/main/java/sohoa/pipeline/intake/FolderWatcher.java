package sohoa.pipeline.intake;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import sohoa.core.error.StorageFailure;
import sohoa.pipeline.FileNames;
import sohoa.pipeline.batch.Quarantine;
import sohoa.pipeline.failure.FailurePolicy;

/**
 * Watches one folder, as scanners and counters drop files into it. A file is taken once it is
 * completely written: its size and modification time unchanged for {@code settle}, and not a
 * partial download by its name ({@code .part}, {@code .tmp}, a leading dot: the usual
 * write-then-rename). Taken files move to {@code done/}; rejected ones to {@code quarantine/}
 * beside their reason; a file the store or broker could not take stays and is tried again.
 * Polls rather than relying on inotify alone, which misses network shares and cannot tell when
 * a writer has finished.
 */
public final class FolderWatcher implements Watcher {
  /** Names that writers use while a file is still arriving. */
  private static final List<String> PARTIAL = List.of(".part", ".partial", ".tmp", ".crdownload",
      ".filepart", ".download", ".swp");
  static final String DONE = "done";
  static final String QUARANTINE = "quarantine";

  private final Path folder;
  private final Duration settle;
  private final Arrival arrival;
  private final Clock clock;
  private final Map<Path, Seen> seen = new HashMap<>();

  private record Seen(long size, Instant modified, Instant since) {}

  public FolderWatcher(Path folder, Duration settle, Arrival arrival, Clock clock) {
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException(folder + " is not a folder");
    }
    this.folder = folder.toAbsolutePath().normalize();
    this.settle = settle;
    this.arrival = arrival;
    this.clock = clock;
  }

  /** Looks once: takes every file that has settled since the last look. */
  @Override
  public Look look() throws IOException, StorageFailure {
    List<String> taken = new ArrayList<>();
    List<String> quarantined = new ArrayList<>();
    List<String> retried = new ArrayList<>();
    Instant now = clock.instant();
    Set<Path> present = new HashSet<>();
    for (Path file : candidates()) {
      present.add(file);
      BasicFileAttributes attributes;
      try {
        attributes = Files.readAttributes(file, BasicFileAttributes.class,
            LinkOption.NOFOLLOW_LINKS);
      } catch (IOException e) {
        continue; // gone between the listing and now
      }
      Seen before = seen.get(file);
      Instant modified = attributes.lastModifiedTime().toInstant();
      if (before == null || before.size() != attributes.size()
          || !before.modified().equals(modified)) {
        seen.put(file, new Seen(attributes.size(), modified, now));
        if (!settle.isZero()) {
          continue;
        }
      }
      Instant since = seen.get(file).since();
      if (Duration.between(since, now).compareTo(settle) < 0) {
        continue;
      }
      String name = file.getFileName().toString();
      Taking.Result result = Taking.take(arrival, file, name);
      if (result instanceof Taking.Deferred deferred) {
        retried.add(deferred.note());
        continue;
      }
      if (result instanceof Taking.Refused refused) {
        FailurePolicy.Quarantine why = refused.why();
        quarantined.add(Quarantine.in(folder.resolve(QUARANTINE)).move(file, why.code(),
            why.reason(), why.remedy(), now).toString());
      } else {
        taken.add(moveInto(file, folder.resolve(DONE)).toString());
      }
      seen.remove(file);
    }
    seen.keySet().retainAll(present);
    return new Look(taken, quarantined, retried);
  }

  /** Regular files directly in the folder that are not partial by their name. */
  private List<Path> candidates() throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (name.startsWith(".") || PARTIAL.stream().anyMatch(lower::endsWith)
            || !Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
          continue;
        }
        files.add(entry);
      }
    }
    files.sort(null);
    return files;
  }

  private static Path moveInto(Path file, Path target) throws IOException {
    Files.createDirectories(target);
    Path moved = FileNames.unused(target, FileNames.safe(file));
    return Files.move(file, moved, StandardCopyOption.ATOMIC_MOVE);
  }
}
