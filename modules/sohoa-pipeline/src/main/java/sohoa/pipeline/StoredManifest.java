package sohoa.pipeline;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import sohoa.catalog.ArtifactRecord;
import sohoa.catalog.DocumentRecord;
import sohoa.catalog.FieldRecord;
import sohoa.catalog.FileRecord;
import sohoa.catalog.PageRecord;
import sohoa.core.document.ContentHash;
import sohoa.core.document.DocumentId;
import sohoa.core.error.StorageFailure;
import sohoa.core.i18n.Messages;
import sohoa.core.text.Box;
import sohoa.core.text.TextOrigin;
import sohoa.store.ObjectKey;
import sohoa.store.ObjectStore;

/**
 * A document's {@code manifest.json} read back from the store: what it says the document is and
 * the SHA-256 of every artifact. The store is the record; the catalog, reports, fixity audits and
 * transfer packages all read documents back through this.
 */
public final class StoredManifest {
  private static final ObjectMapper JSON = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final ObjectKey key;
  private final Manifest manifest;
  private final ContentHash hash;
  private final long size;

  private StoredManifest(ObjectKey key, Manifest manifest, ContentHash hash, long size) {
    this.key = key;
    this.manifest = manifest;
    this.hash = hash;
    this.size = size;
  }

  /** The manifest of the document {@code id}. */
  public static ObjectKey keyOf(DocumentId id) {
    return ObjectKey.artifact(id, "manifest.json");
  }

  /**
   * Reads the manifest stored under {@code key}.
   *
   * @throws IOException when it is not a sohoa manifest, or cannot be read whole
   */
  public static StoredManifest read(ObjectStore store, ObjectKey key)
      throws IOException, StorageFailure {
    // Read once: the bytes give both the manifest and the hash the catalog records for it.
    byte[] bytes;
    try (InputStream in = store.open(key)) {
      bytes = in.readAllBytes();
    }
    Manifest m;
    try {
      m = JSON.readValue(bytes, Manifest.class);
    } catch (IOException e) {
      throw new IOException("not readable as a manifest: " + e.getMessage(), e);
    }
    if (!Manifest.SCHEMA.equals(m.schema())) {
      throw new IOException("not a sohoa document manifest (" + m.schema() + ")");
    }
    if (m.documentId() == null || m.artifacts() == null || m.source() == null) {
      throw new IOException("the manifest lacks its document id, source or artifacts");
    }
    return new StoredManifest(key, m, ContentHash.of(bytes), bytes.length);
  }

  public ObjectKey key() {
    return key;
  }

  public DocumentId documentId() {
    return new DocumentId(manifest.documentId());
  }

  /** Every artifact the manifest names, with its recorded hash, and the manifest itself. */
  public List<ArtifactRecord> artifacts() {
    List<ArtifactRecord> artifacts = new ArrayList<>();
    manifest.artifacts().forEach((kind, a) -> artifacts.add(
        new ArtifactRecord(kind, a.key(), new ContentHash(a.sha256()), a.size())));
    artifacts.add(new ArtifactRecord("manifest", key.value(), hash, size));
    return artifacts;
  }

  /** The agency's seal on the PDF/A, when {@code digitize --sign} sealed it. */
  public Optional<Seal> seal() {
    return Optional.ofNullable(manifest.seal())
        .map(s -> new Seal(s.level(), s.signer(), s.untrusted()));
  }

  /** How long digitising the document took, when the manifest says. */
  public Optional<Duration> digitisingTime() {
    return Optional.ofNullable(manifest.timings()).map(t -> Duration.ofMillis(t.totalMillis()));
  }

  /**
   * For each recognised page, in {@code words}' language for the job report, what was done to
   * read it: the turn and what decided it, what was erased around the paper, colour and contrast,
   * enlargement, the words of marks left out of the text, whether it was typewritten and the
   * typewriter's l given back.
   */
  public Map<Integer, String> preparations(Messages words) {
    Map<Integer, String> described = new TreeMap<>();
    if (manifest.pages() != null) {
      for (Manifest.PageEntry page : manifest.pages()) {
        if (page.preparation() != null) {
          described.put(page.number(), PreparationText.of(page.preparation(), words));
        }
      }
    }
    return described;
  }

  /** The names of the fields read below the confidence sohoa trusts. */
  public List<String> unsureFields() {
    if (manifest.fields() == null || manifest.fields().values() == null) {
      return List.of();
    }
    return manifest.fields().values().stream().filter(Manifest.FieldEntry::unsure)
        .map(Manifest.FieldEntry::name).toList();
  }

  /**
   * The seal as the manifest records it.
   *
   * @param untrusted made with sohoa's development identity: proves nothing outside this machine
   */
  public record Seal(String level, String signer, boolean untrusted) {}

  /** The document as the catalog indexes it; its full text is read from the text artifact. */
  public DocumentRecord toDocument(ObjectStore store) throws IOException, StorageFailure {
    Manifest m = manifest;
    List<PageRecord> pages = m.pages().stream().map(p -> new PageRecord(p.number(),
        TextOrigin.valueOf(p.text().toUpperCase(Locale.ROOT)), p.words(), p.meanConfidence(),
        p.needsReview())).toList();
    List<FieldRecord> fields = m.fields() == null ? List.of() : m.fields().values().stream()
        .map(f -> new FieldRecord(f.name(), f.value(), f.confidence(), f.page(),
            f.box() == null ? Optional.<Box>empty()
                : Optional.of(new Box(f.box()[0], f.box()[1], f.box()[2], f.box()[3]))))
        .toList();
    return new DocumentRecord(documentId(), new ContentHash(m.source().sha256()),
        m.source().name(), m.source().mediaType(), m.pageCount(), m.meanConfidence(),
        text(store), hash, Instant.parse(m.createdAt()), artifacts(), pages,
        m.fields() == null ? "other" : m.fields().kind(), fields, Optional.ofNullable(m.file())
            .map(StoredManifest::file));
  }

  private String text(ObjectStore store) throws StorageFailure, IOException {
    Manifest.Artifact text = manifest.artifacts().get("txt");
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
