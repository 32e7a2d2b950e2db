package sohoa.archive.fixity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import sohoa.archive.fixity.Finding.Kind;
import sohoa.archive.fixity.ObjectHasher.Expected;
import sohoa.archive.fixity.ObjectHasher.Hashed;
import sohoa.catalog.ArtifactRecord;
import sohoa.catalog.Catalog;
import sohoa.catalog.RegisterEntry;
import sohoa.catalog.StoredDocument;
import sohoa.core.document.DocumentId;
import sohoa.core.error.StorageFailure;
import sohoa.pipeline.StoredManifest;
import sohoa.store.ObjectKey;
import sohoa.store.ObjectStore;

/**
 * Walks the catalog and the store and proves they still agree: every artifact of every document
 * (and every certified copy) is hashed again, as a stream, against the SHA-256 its manifest
 * recorded; objects no row names, rows whose objects are gone and documents the catalog lacks are
 * named. Documents are walked in id order, a page at a time, with a checkpoint every few
 * documents: memory stays bounded and an interrupted audit resumes.
 */
public final class FixityAudit {
  private static final int PAGE = 500;
  private static final int CHECKPOINT_EVERY = 50;
  /** Documents set hashing ahead of the one being recorded; bounds memory and lost work. */
  private static final int LOOK_AHEAD = 8;

  private final ObjectStore store;
  private final Catalog catalog;
  private final Path checkpoints;
  private final Clock clock;
  private final int checkpointEvery;
  private final int threads;

  /**
   * @param checkpoints the folder where audits keep their place while they run, one file per
   *     scope, so that an audit of recent documents does not lose an interrupted full one's
   */
  public FixityAudit(ObjectStore store, Catalog catalog, Path checkpoints, Clock clock) {
    this(store, catalog, checkpoints, clock, CHECKPOINT_EVERY,
        Runtime.getRuntime().availableProcessors());
  }

  FixityAudit(ObjectStore store, Catalog catalog, Path checkpoints, Clock clock,
      int checkpointEvery, int threads) {
    this.store = store;
    this.catalog = catalog;
    this.checkpoints = checkpoints;
    this.clock = clock;
    this.checkpointEvery = checkpointEvery;
    this.threads = threads;
  }

  public FixityResult run(FixityScope scope, FixityProgress progress)
      throws StorageFailure, InterruptedException {
    Instant started = clock.instant();
    // Only what decides which documents are walked: a new rate limit still resumes.
    String scopeName = "since=" + scope.since().map(Instant::toString).orElse("");
    Path checkpointFile = checkpoints.resolve("in-progress-" + scope.since()
        .map(t -> "since-" + t.getEpochSecond()).orElse("all") + ".json");
    Optional<Checkpoint> resumed = scope.sample().isPresent() ? Optional.empty()
        : Checkpoint.read(checkpointFile, scopeName);
    ExecutorService hashers = Executors.newFixedThreadPool(threads, runnable -> {
      Thread thread = new Thread(runnable, "fixity-hash");
      thread.setDaemon(true);
      return thread;
    });
    Walk walk = new Walk(scope, progress, resumed, checkpointFile, hashers);
    try {
      if (scope.sample().isPresent()) {
        for (DocumentId id : catalog.documents().sample(scope.sample().getAsInt())) {
          walk.document(id);
        }
      } else {
        Optional<DocumentId> after = resumed.map(c -> new DocumentId(c.lastDocument()));
        for (List<DocumentId> page; !(page = catalog.documents().ids(after, scope.since(), PAGE))
            .isEmpty(); ) {
          for (DocumentId id : page) {
            walk.document(id);
            if (walk.documents % checkpointEvery == 0) {
              walk.checkpoint(scopeName, id);
            }
          }
          after = Optional.of(page.get(page.size() - 1));
        }
      }
      walk.drain();
      if (scope.whole()) {
        walk.copies();
        walk.findings.addAll(new StoreWalk(store, catalog, scope.repairCatalog())
            .unaccounted());
      }
    } finally {
      hashers.shutdownNow();
    }
    try {
      if (scope.sample().isEmpty()) {
        // Done: the next audit of this scope starts over.
        Files.deleteIfExists(checkpointFile);
      }
    } catch (IOException e) {
      throw new StorageFailure("cannot remove the audit checkpoint " + checkpointFile + ": "
          + e.getMessage(), "delete it by hand, or the next audit resumes from it", e);
    }
    return new FixityResult(walk.documents, walk.copies, walk.objects, walk.bytes,
        Duration.between(started, clock.instant()), walk.findings, resumed.isPresent());
  }

  /** One run's counters, findings and rate. */
  private final class Walk {
    private final FixityScope scope;
    private final FixityProgress progress;
    private final Path checkpointFile;
    private final ObjectHasher hasher;
    private final Deque<InFlight> inFlight = new ArrayDeque<>();
    private final List<Finding> findings;
    private final long total;
    private long documents;
    private long copies;
    private long objects;
    private long bytes;

    Walk(FixityScope scope, FixityProgress progress, Optional<Checkpoint> resumed,
        Path checkpointFile, ExecutorService hashers) throws StorageFailure {
      this.hasher = new ObjectHasher(store, hashers, new Throttle(scope.maxBytesPerSecond()));
      this.scope = scope;
      this.progress = progress;
      this.checkpointFile = checkpointFile;
      this.findings = new ArrayList<>(resumed.map(Checkpoint::findings).orElse(List.of()));
      this.documents = resumed.map(Checkpoint::documents).orElse(0L);
      this.objects = resumed.map(Checkpoint::objects).orElse(0L);
      this.bytes = resumed.map(Checkpoint::bytes).orElse(0L);
      this.total = scope.sample().isPresent() ? scope.sample().getAsInt()
          : catalog.documents().count();
    }

    void checkpoint(String scopeName, DocumentId last) throws StorageFailure,
        InterruptedException {
      drain();
      try {
        new Checkpoint(scopeName, last.value(), documents, objects, bytes, findings)
            .write(checkpointFile);
      } catch (IOException e) {
        throw new StorageFailure("cannot write the audit checkpoint " + checkpointFile + ": "
            + e.getMessage(), "check free space in the data folder", e);
      }
    }

    /**
     * Checks one catalogued document's manifest against its row, then sets its objects hashing.
     * Up to {@link #LOOK_AHEAD} documents are under way at once, so that reading the next
     * manifests overlaps hashing; each is recorded, findings and progress, in id order.
     */
    void document(DocumentId id) throws StorageFailure, InterruptedException {
      documents++;
      List<Finding> found = new ArrayList<>();
      List<Expected> toHash = objectsOf(id, found);
      inFlight.add(new InFlight(documents, found, toHash, hasher.submit(toHash)));
      while (inFlight.size() > LOOK_AHEAD) {
        complete(inFlight.remove());
      }
    }

    /** Records every document under way: before a checkpoint, and at the end of the walk. */
    void drain() throws StorageFailure, InterruptedException {
      while (!inFlight.isEmpty()) {
        complete(inFlight.remove());
      }
    }

    private void complete(InFlight document) throws StorageFailure, InterruptedException {
      findings.addAll(document.found());
      record(document.toHash(), document.hashes());
      progress.progressed(document.number(), total, bytes);
    }

    /** The objects to hash for a document, once its manifest has been checked against its row. */
    private List<Expected> objectsOf(DocumentId id, List<Finding> found) throws StorageFailure {
      Optional<StoredDocument> row = catalog.documents().stored(id);
      if (row.isEmpty()) {
        return List.of();
      }
      Map<String, ArtifactRecord> rows = new HashMap<>();
      row.get().artifacts().forEach(a -> rows.put(a.kind(), a));
      ObjectKey manifestKey = StoredManifest.keyOf(id);
      List<ArtifactRecord> expected;
      Optional<StoredManifest> read;
      try {
        read = hasher.ifStored(manifestKey, () -> StoredManifest.read(store, manifestKey));
      } catch (IOException e) {
        found.add(Finding.of(Kind.CORRUPT, manifestKey.value(), id.value(), "the manifest cannot"
            + " be read: " + e.getMessage()));
        return List.of();
      }
      if (read.isEmpty()) {
        found.add(Finding.of(Kind.MISSING, manifestKey.value(), id.value(), "the document's"
            + " manifest is gone; its other artifacts are checked against the catalog's hashes"));
        expected = row.get().artifacts().stream().filter(a -> !a.kind().equals("manifest"))
            .toList();
      } else {
        StoredManifest manifest = read.get();
        objects++;
        expected = manifest.artifacts();
        for (ArtifactRecord a : expected) {
          ArtifactRecord catalogued = rows.get(a.kind());
          if (a.kind().equals("manifest")) {
            if (catalogued != null && !catalogued.sha256().equals(a.sha256())) {
              found.add(Finding.of(Kind.CORRUPT, a.objectKey(), id.value(), "the manifest hashes"
                  + " to " + a.sha256().hex() + ", not to the " + catalogued.sha256().hex()
                  + " the catalog recorded when it was written"));
            }
          } else if (catalogued == null || !catalogued.sha256().equals(a.sha256())
              || !catalogued.objectKey().equals(a.objectKey())) {
            found.add(Finding.of(Kind.INCONSISTENT, a.objectKey(), id.value(), "the catalog's row"
                + " for the " + a.kind() + " artifact does not match the manifest"));
          }
        }
        expected = expected.stream().filter(a -> !a.kind().equals("manifest")).toList();
      }
      return expected.stream().map(a -> new Expected(new ObjectKey(a.objectKey()), a.sha256(),
          id.value())).toList();
    }

    /** Every issued certified copy against the hash its register entry recorded. */
    void copies() throws StorageFailure, InterruptedException {
      List<Expected> batch = new ArrayList<>();
      for (RegisterEntry entry : catalog.register().issued()) {
        if (entry.objectKey().isPresent() && entry.sha256().isPresent()) {
          copies++;
          batch.add(new Expected(new ObjectKey(entry.objectKey().get()), entry.sha256().get(),
              entry.copyId().value()));
          if (batch.size() == PAGE) {
            record(batch, hasher.submit(batch));
            batch.clear();
          }
        }
      }
      record(batch, hasher.submit(batch));
    }

    /**
     * Waits for each object's hash and records what it gave, in the order asked: counters and
     * findings are only ever touched by the walking thread.
     */
    private void record(List<Expected> hashed, List<Future<Hashed>> hashes)
        throws StorageFailure, InterruptedException {
      for (int i = 0; i < hashes.size(); i++) {
        Expected e = hashed.get(i);
        Hashed outcome = ObjectHasher.outcome(hashes.get(i));
        bytes += outcome.bytes();
        if (outcome.missing()) {
          findings.add(Finding.of(Kind.MISSING, e.key().value(), e.owner(), "the catalog and"
              + " manifest name it; the store does not have it"));
        } else if (outcome.unreadable() != null) {
          findings.add(Finding.of(Kind.CORRUPT, e.key().value(), e.owner(), "cannot be read"
              + " whole: " + outcome.unreadable()));
        } else {
          objects++;
          if (!outcome.sha256().equals(e.recorded())) {
            findings.add(Finding.of(Kind.CORRUPT, e.key().value(), e.owner(), "its bytes hash to "
                + outcome.sha256().hex() + ", not to the " + e.recorded().hex()
                + " recorded when it was stored"));
          }
        }
      }
    }

  }

  /**
   * A document under way: its place in the walk, what checking its manifest found, and its
   * objects' hashes being computed.
   */
  private record InFlight(long number, List<Finding> found, List<Expected> toHash,
      List<Future<Hashed>> hashes) {}
}
