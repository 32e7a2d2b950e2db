package sohoa.archive.migration;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import sohoa.core.document.ContentHash;
import sohoa.core.error.StorageFailure;
import sohoa.store.ObjectKey;
import sohoa.store.ObjectStore;
import sohoa.store.StoredObject;

/**
 * Copies every object of one store into another ({@code sohoa migrate}), each verified by reading
 * it back from the target and comparing SHA-256s. Resumable: an object the target already holds
 * with the same hash is not copied again; nothing is deleted from the source.
 */
public final class StoreMigration {
  private final ObjectStore from;
  private final ObjectStore to;
  private final Path work;

  /** @param work a folder for one object at a time on its way */
  public StoreMigration(ObjectStore from, ObjectStore to, Path work) {
    this.from = Objects.requireNonNull(from, "from");
    this.to = Objects.requireNonNull(to, "to");
    this.work = Objects.requireNonNull(work, "work");
  }

  /**
   * What a migration did.
   *
   * @param problems one line per object that could not be copied or did not verify
   */
  public record Result(int copied, int alreadyThere, long bytes, List<String> problems) {
    public Result {
      problems = List.copyOf(problems);
    }
  }

  /** Hears each object as it is done, for progress. */
  public interface Listener {
    void copied(ObjectKey key, boolean skipped);
  }

  public Result run(Listener listener) throws StorageFailure {
    int copied = 0;
    int present = 0;
    long bytes = 0;
    List<String> problems = new ArrayList<>();
    for (ObjectKey key : from.list("")) {
      try {
        StoredObject source = from.stat(key).orElseThrow(() ->
            new IOException("disappeared from the source while migrating"));
        Optional<StoredObject> there = to.stat(key);
        if (there.isPresent() && there.get().sha256().equals(source.sha256())) {
          present++;
          listener.copied(key, true);
          continue;
        }
        bytes += copy(key, source);
        copied++;
        listener.copied(key, false);
      } catch (IOException | StorageFailure e) {
        problems.add(key + ": " + e.getMessage());
      }
    }
    return new Result(copied, present, bytes, problems);
  }

  /** Through a work file, so a retried upload has something to read from again. */
  private long copy(ObjectKey key, StoredObject source) throws IOException, StorageFailure {
    Files.createDirectories(work);
    Path file = Files.createTempFile(work, "migrating-", ".part");
    try {
      try (InputStream in = from.open(key); OutputStream out = Files.newOutputStream(file)) {
        in.transferTo(out);
      }
      StoredObject stored = to.put(key, file);
      ContentHash readBack;
      try (InputStream in = to.open(key)) {
        readBack = ContentHash.of(in);
      }
      if (!stored.sha256().equals(source.sha256()) || !readBack.equals(source.sha256())) {
        throw new IOException("the copy does not match the source (SHA-256 " + readBack.hex()
            + " instead of " + source.sha256().hex() + ")");
      }
      return source.size();
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
