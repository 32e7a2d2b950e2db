package sohoa.pipeline;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import sohoa.catalog.ArtifactRecord;
import sohoa.catalog.Catalog;
import sohoa.catalog.DocumentRecord;
import sohoa.catalog.FieldRecord;
import sohoa.catalog.FileRecord;
import sohoa.catalog.PageRecord;
import sohoa.core.document.ContentHash;
import sohoa.core.document.DocumentId;
import sohoa.core.error.StorageFailure;
import sohoa.core.text.Box;
import sohoa.core.text.TextOrigin;
import sohoa.store.ObjectKey;
import sohoa.store.ObjectStore;

/**
 * Rebuilds the catalog's documents from the manifests in the store ({@code sohoa catalog
 * rebuild}): the store is the record, the catalog an index of it. Documents already catalogued
 * are left as they are, so a rebuild can be run again after an interruption.
 */
public final class CatalogRebuild {
  private final ObjectStore store;
  private final Catalog catalog;
  private final ObjectMapper json = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public CatalogRebuild(ObjectStore store, Catalog catalog) {
    this.store = Objects.requireNonNull(store, "store");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
  }

  /**
   * What a rebuild did.
   *
   * @param problems one line per manifest that could not be read back, naming it
   */
  public record Result(int recorded, int present, List<String> problems) {
    public Result {
      problems = List.copyOf(problems);
    }
  }

  public Result run() throws StorageFailure {
    int recorded = 0;
    int present = 0;
    List<String> problems = new ArrayList<>();
    for (ObjectKey key : store.list("documents/")) {
      if (!key.value().endsWith("/manifest.json")) {
        continue;
      }
      try {
        DocumentRecord document = document(key);
        if (catalog.find(document.id()).isPresent()) {
          present++;
        } else {
          catalog.record(document);
          recorded++;
        }
      } catch (IOException | IllegalArgumentException | NullPointerException e) {
        problems.add(key + ": " + e.getMessage());
      }
    }
    return new Result(recorded, present, problems);
  }

  private DocumentRecord document(ObjectKey key) throws IOException, StorageFailure {
    // Read once: the bytes give both the manifest and the hash the catalog records for it.
    byte[] bytes;
    try (InputStream in = store.open(key)) {
      bytes = in.readAllBytes();
    }
    ContentHash manifestHash = ContentHash.of(bytes);
    Manifest m = json.readValue(bytes, Manifest.class);
    if (!Manifest.SCHEMA.equals(m.schema())) {
      throw new IOException("not a sohoa document manifest (" + m.schema() + ")");
    }
    DocumentId id = new DocumentId(m.documentId());
    List<ArtifactRecord> artifacts = new ArrayList<>();
    m.artifacts().forEach((kind, a) -> artifacts.add(
        new ArtifactRecord(kind, a.key(), new ContentHash(a.sha256()), a.size())));
    artifacts.add(new ArtifactRecord("manifest", key.value(), manifestHash, bytes.length));
    List<PageRecord> pages = m.pages().stream().map(p -> new PageRecord(p.number(),
        TextOrigin.valueOf(p.text().toUpperCase(Locale.ROOT)), p.words(), p.meanConfidence(),
        p.needsReview())).toList();
    List<FieldRecord> fields = m.fields() == null ? List.of() : m.fields().values().stream()
        .map(f -> new FieldRecord(f.name(), f.value(), f.confidence(), f.page(),
            f.box() == null ? Optional.<Box>empty()
                : Optional.of(new Box(f.box()[0], f.box()[1], f.box()[2], f.box()[3]))))
        .toList();
    return new DocumentRecord(id, new ContentHash(m.source().sha256()), m.source().name(),
        m.source().mediaType(), m.pageCount(), m.meanConfidence(), text(m), manifestHash,
        Instant.parse(m.createdAt()), artifacts, pages,
        m.fields() == null ? "other" : m.fields().kind(), fields, Optional.ofNullable(m.file())
            .map(CatalogRebuild::file));
  }

  /** The full text, from the stored text artifact: the catalog searches it. */
  private String text(Manifest m) throws StorageFailure, IOException {
    Manifest.Artifact text = m.artifacts().get("txt");
    if (text == null) {
      return "";
    }
    try (InputStream in = store.open(new ObjectKey(text.key()))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static FileRecord file(Manifest.FileEntry f) {
    return new FileRecord(Optional.ofNullable(f.title()), Optional.ofNullable(f.author()),
        Optional.ofNullable(f.creatorTool()), Optional.ofNullable(f.producer()),
        Optional.ofNullable(f.created()).map(Instant::parse),
        Optional.ofNullable(f.modified()).map(Instant::parse),
        f.pageCount() == null ? OptionalInt.empty() : OptionalInt.of(f.pageCount()), f.xmp(),
        Optional.ofNullable(f.problem()));
  }
}
