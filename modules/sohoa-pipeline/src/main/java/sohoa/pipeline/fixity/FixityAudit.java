package sohoa.pipeline.fixity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import sohoa.catalog.ArtifactRecord;
import sohoa.catalog.Catalog;
import sohoa.catalog.RegisterEntry;
import sohoa.catalog.StoredDocument;
import sohoa.core.document.ContentHash;
import sohoa.core.document.CopyId;
import sohoa.core.document.DocumentId;
import sohoa.core.error.StorageFailure;
import sohoa.pipeline.StoredManifest;
import sohoa.store.ObjectKey;
import sohoa.store.ObjectStore;
import sohoa.store.VerifyingInputStream;

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
  private static final int BUFFER = 1 << 20;

  private final ObjectStore store;
  private final Catalog catalog;
  private final Path checkpoints;
  private final Clock clock;
  private final int checkpointEvery;
  private final byte[] buffer = new byte[BUFFER];

  /**
   * @param checkpoints the folder where audits keep their place while they run, one file per
   *     scope, so that an audit of recent documents does not lose an interrupted full one's
   */
  public FixityAudit(ObjectStore store, Catalog catalog, Path checkpoints, Clock clock) {
    this(store, catalog, checkpoints, clock, CHECKPOINT_EVERY);
  }

  FixityAudit(ObjectStore store, Catalog catalog, Path checkpoints, Clock clock,
      int checkpointEvery) {
    this.store = store;
    this.catalog = catalog;
    this.checkpoints = checkpoints;
    this.clock = clock;
    this.checkpointEvery = checkpointEvery;
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
    Walk walk = new Walk(scope, progress, resumed, checkpointFile);
    if (scope.sample().isPresent()) {
      for (DocumentId id : catalog.sampleDocumentIds(scope.sample().getAsInt())) {
        walk.document(id);
      }
    } else {
      Optional<DocumentId> after = resumed.map(c -> new DocumentId(c.lastDocument()));
      for (List<DocumentId> page; !(page = catalog.documentIds(after, scope.since(), PAGE))
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
    if (scope.whole()) {
      walk.copies();
      walk.orphans();
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
    private final Throttle throttle;
    private final List<Finding> findings;
    private final long total;
    /** Uncatalogued documents found while walking the store, and the objects they name. */
    private final Set<String> uncatalogued = new HashSet<>();
    private final Set<String> namedByUncatalogued = new HashSet<>();
    private long documents;
    private long copies;
    private long objects;
    private long bytes;

    Walk(FixityScope scope, FixityProgress progress, Optional<Checkpoint> resumed,
        Path checkpointFile) throws StorageFailure {
      this.scope = scope;
      this.progress = progress;
      this.checkpointFile = checkpointFile;
      this.throttle = new Throttle(scope.maxBytesPerSecond());
      this.findings = new ArrayList<>(resumed.map(Checkpoint::findings).orElse(List.of()));
      this.documents = resumed.map(Checkpoint::documents).orElse(0L);
      this.objects = resumed.map(Checkpoint::objects).orElse(0L);
      this.bytes = resumed.map(Checkpoint::bytes).orElse(0L);
      this.total = scope.sample().isPresent() ? scope.sample().getAsInt()
          : catalog.countDocuments();
    }

    void checkpoint(String scopeName, DocumentId last) throws StorageFailure {
      try {
        new Checkpoint(scopeName, last.value(), documents, objects, bytes, findings)
            .write(checkpointFile);
      } catch (IOException e) {
        throw new StorageFailure("cannot write the audit checkpoint " + checkpointFile + ": "
            + e.getMessage(), "check free space in the data folder", e);
      }
    }

    /** Checks one catalogued document against its manifest, and the manifest against the row. */
    void document(DocumentId id) throws StorageFailure, InterruptedException {
      documents++;
      Optional<StoredDocument> row = catalog.stored(id);
      if (row.isEmpty()) {
        return;
      }
      Map<String, ArtifactRecord> rows = new HashMap<>();
      row.get().artifacts().forEach(a -> rows.put(a.kind(), a));
      ObjectKey manifestKey = StoredManifest.keyOf(id);
      List<ArtifactRecord> expected;
      Optional<StoredManifest> read;
      try {
        read = ifStored(manifestKey, () -> StoredManifest.read(store, manifestKey));
      } catch (IOException e) {
        add(Finding.Kind.CORRUPT, manifestKey.value(), id.value(), "the manifest cannot be"
            + " read: " + e.getMessage());
        return;
      }
      if (read.isEmpty()) {
        add(Finding.Kind.MISSING, manifestKey.value(), id.value(), "the document's manifest is"
            + " gone; its other artifacts are checked against the catalog's hashes");
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
              add(Finding.Kind.CORRUPT, a.objectKey(), id.value(), "the manifest hashes to "
                  + a.sha256().hex() + ", not to the " + catalogued.sha256().hex()
                  + " the catalog recorded when it was written");
            }
          } else if (catalogued == null || !catalogued.sha256().equals(a.sha256())
              || !catalogued.objectKey().equals(a.objectKey())) {
            add(Finding.Kind.INCONSISTENT, a.objectKey(), id.value(), "the catalog's row for"
                + " the " + a.kind() + " artifact does not match the manifest");
          }
        }
        expected = expected.stream().filter(a -> !a.kind().equals("manifest")).toList();
      }
      for (ArtifactRecord a : expected) {
        check(new ObjectKey(a.objectKey()), a.sha256(), id.value());
      }
      progress.progressed(documents, total, bytes);
    }

    /** Every issued certified copy against the hash its register entry recorded. */
    void copies() throws StorageFailure, InterruptedException {
      for (RegisterEntry entry : catalog.register().issued()) {
        if (entry.objectKey().isPresent() && entry.sha256().isPresent()) {
          copies++;
          check(new ObjectKey(entry.objectKey().get()), entry.sha256().get(),
              entry.copyId().value());
        }
      }
    }

    /**
     * Objects that no row and no manifest names; documents the catalog does not index. The store
     * is walked, not listed: memory holds one page of keys, whatever the store's size.
     */
    void orphans() throws StorageFailure {
      store.walk("", key -> {
        String name = key.value();
        if (catalog.knowsObject(name)) {
          return;
        }
        String[] parts = name.split("/");
        if (parts[0].equals("documents") && parts.length == 3 && isDocumentId(parts[1])) {
          documentInStore(new DocumentId(parts[1]), key);
        } else if (parts[0].equals("copies") && parts.length == 3 && isCopyId(parts[1])
            && catalog.register().byCopy(new CopyId(parts[1])).isPresent()) {
          return; // A copy's own manifest: the register names the copy, not each file.
        } else if (!namedByUncatalogued.contains(name)) {
          add(Finding.Kind.ORPHAN, name, null, "no catalog row and no manifest names it");
        }
      });
      // In no order: an original met before its uncatalogued document's manifest was read.
      findings.removeIf(f -> f.kind() == Finding.Kind.ORPHAN
          && namedByUncatalogued.contains(f.key()));
    }

    /** An object under a document the catalog does not know of (or a stray file in one). */
    private void documentInStore(DocumentId id, ObjectKey key) throws StorageFailure {
      if (catalog.stored(id).isPresent()) {
        add(Finding.Kind.ORPHAN, key.value(), id.value(), "the document's manifest does not"
            + " name it");
        return;
      }
      if (!uncatalogued.add(id.value())) {
        return;
      }
      ObjectKey manifestKey = StoredManifest.keyOf(id);
      StoredManifest manifest;
      try {
        manifest = StoredManifest.read(store, manifestKey);
      } catch (IOException | StorageFailure e) {
        add(Finding.Kind.ORPHAN, key.value(), id.value(), "a document folder without a readable"
            + " manifest: " + e.getMessage());
        return;
      }
      manifest.artifacts().forEach(a -> namedByUncatalogued.add(a.objectKey()));
      boolean repaired = false;
      if (scope.repairCatalog()) {
        try {
          catalog.record(manifest.toDocument(store));
          repaired = true;
        } catch (IOException e) {
          // Reported below as not repaired, with the reason.
          findings.add(new Finding(Finding.Kind.UNCATALOGUED, manifestKey.value(), id.value(),
              "cannot be indexed: " + e.getMessage(), false));
          return;
        }
      }
      findings.add(new Finding(Finding.Kind.UNCATALOGUED, manifestKey.value(), id.value(),
          "the store holds this document but the catalog does not index it"
              + (repaired ? "; indexed now" : ""), repaired));
    }

    /** Hashes one object as a stream and compares it with the hash recorded for it. */
    private void check(ObjectKey key, ContentHash recorded, String owner)
        throws StorageFailure, InterruptedException {
      Optional<InputStream> opened = ifStored(key, () -> store.open(key));
      if (opened.isEmpty()) {
        add(Finding.Kind.MISSING, key.value(), owner, "the catalog and manifest name it; the"
            + " store does not have it");
        return;
      }
      MessageDigest digest = ContentHash.sha256();
      try (InputStream in = opened.get()) {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          digest.update(buffer, 0, n);
          bytes += n;
          throttle.consumed(n);
        }
      } catch (VerifyingInputStream.CorruptObjectException e) {
        // The store's own check failed first; the recorded hash says the same.
      } catch (IOException e) {
        add(Finding.Kind.CORRUPT, key.value(), owner, "cannot be read whole: " + e.getMessage());
        return;
      }
      objects++;
      ContentHash actual = ContentHash.of(digest);
      if (!actual.equals(recorded)) {
        add(Finding.Kind.CORRUPT, key.value(), owner, "its bytes hash to " + actual.hex()
            + ", not to the " + recorded.hex() + " recorded when it was stored");
      }
    }

    private void add(Finding.Kind kind, String key, String owner, String detail) {
      findings.add(new Finding(kind, key, owner, detail, false));
    }
  }

  /** A read from the store that may find the object missing, and may fail otherwise with E. */
  private interface StoreRead<T, E extends Exception> {
    T run() throws StorageFailure, E;
  }

  /**
   * What {@code read} gives, or nothing when {@code key} is not stored. One request on the
   * common path (the object is there): only a failure asks the store whether it exists at all.
   */
  private <T, E extends Exception> Optional<T> ifStored(ObjectKey key, StoreRead<T, E> read)
      throws StorageFailure, E {
    try {
      return Optional.of(read.run());
    } catch (StorageFailure e) {
      if (store.exists(key)) {
        throw e;
      }
      return Optional.empty();
    }
  }

  private static boolean isDocumentId(String text) {
    try {
      new DocumentId(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean isCopyId(String text) {
    return text.matches("[0-9a-f]{32}");
  }
}
