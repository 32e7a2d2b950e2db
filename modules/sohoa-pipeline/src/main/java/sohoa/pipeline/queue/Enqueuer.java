package sohoa.pipeline.queue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import sohoa.catalog.Catalog;
import sohoa.catalog.JobItem;
import sohoa.core.document.ContentHash;
import sohoa.core.error.BrokerFailure;
import sohoa.core.error.StorageFailure;
import sohoa.store.ObjectKey;
import sohoa.store.ObjectStore;
import sohoa.store.StoredObject;

/**
 * Hands inputs to the workers: each original goes into the store under its content hash (once,
 * however often it is enqueued), is recorded in the job as queued, and gets one task published
 * with the broker's confirm. Enqueuing the same inputs into the same job again is harmless: the
 * job still counts each input once and the workers reuse what is done.
 */
public final class Enqueuer {
  private final ObjectStore store;
  private final Catalog catalog;
  private final Broker broker;
  private final Clock clock;

  public Enqueuer(ObjectStore store, Catalog catalog, Broker broker, Clock clock) {
    this.store = store;
    this.catalog = catalog;
    this.broker = broker;
    this.clock = clock;
  }

  /** An input and the name the job knows it by (the path as the officer gave it). */
  public record Input(Path file, String name) {
    public Input {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("an input needs a name");
      }
    }
  }

  /**
   * Enqueues {@code inputs} into {@code jobId}.
   *
   * @return the tasks published, in input order
   * @throws StorageFailure when an input cannot be read or stored; those before it are enqueued
   */
  public List<DocumentTask> enqueue(String jobId, List<Input> inputs)
      throws StorageFailure, BrokerFailure {
    catalog.jobs().enlist(jobId, clock.instant());
    List<DocumentTask> tasks = new ArrayList<>();
    for (Input input : inputs) {
      tasks.add(enqueue(jobId, input));
    }
    return tasks;
  }

  private DocumentTask enqueue(String jobId, Input input) throws StorageFailure, BrokerFailure {
    ContentHash hash;
    try {
      hash = ContentHash.of(input.file());
    } catch (IOException e) {
      throw new StorageFailure("cannot read " + input.file() + ": " + e.getMessage(),
          "check that the file is there and readable, then enqueue it again", e);
    }
    ObjectKey key = ObjectKey.original(hash);
    long size;
    Optional<StoredObject> existing = store.stat(key);
    if (existing.isPresent()) {
      size = existing.get().size();
    } else {
      StoredObject stored = store.put(key, input.file());
      if (!stored.sha256().equals(hash)) {
        throw new StorageFailure(input.file() + " changed while it was being enqueued",
            "wait until it is completely written, then enqueue it again", null);
      }
      size = stored.size();
    }
    DocumentTask task = DocumentTask.create(jobId, input.name(), hash, size);
    catalog.jobs().record(jobId, new JobItem(input.name(), JobItem.Status.QUEUED,
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
    broker.publish(task);
    return task;
  }
}
