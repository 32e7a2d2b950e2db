package sohoa.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import sohoa.catalog.Catalog;
import sohoa.catalog.Correction;
import sohoa.core.document.DocumentId;
import sohoa.core.error.StorageFailure;
import sohoa.store.ObjectKey;
import sohoa.store.ObjectStore;

/**
 * Corrections of what OCR read, kept where documents are kept: each version is a small JSON record
 * in the store beside the document's manifest (written first), then indexed by the catalog. A
 * catalog rebuilt from the store gets them back, in order, from those records.
 */
public final class StoredCorrections {
  static final String SCHEMA = "sohoa.correction/1";
  /** Where a document's correction records lie, inside its folder (see Corrections). */
  private static final String FOLDER = "corrections/";

  private final ObjectStore store;
  private final Catalog catalog;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public StoredCorrections(ObjectStore store, Catalog catalog) {
    this.store = Objects.requireNonNull(store, "store");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
  }

  /** A correction as its record in the store reads. */
  record Record(String schema, String document, int version, String field, int page,
      String before, String after, String officer, String at) {
    static Record of(Correction c) {
      return new Record(SCHEMA, c.document().value(), c.version(), c.field().orElse(null),
          c.page(), c.before(), c.after(), c.officer(), c.at().toString());
    }

    Correction correction(ObjectKey key) {
      if (!SCHEMA.equals(schema)) {
        throw new IllegalArgumentException("not a correction record (" + schema + ")");
      }
      return new Correction(new DocumentId(document), version, Optional.ofNullable(field), page,
          before, after, officer, Instant.parse(at), key.value());
    }
  }

  /**
   * Corrects a field ({@code field} given, {@code page} 0) or a page's text, as {@code officer}.
   *
   * @return the new version; empty when {@code after} is what stands already
   * @throws StorageFailure when the record cannot be stored, or someone corrected the same
   *     document meanwhile
   */
  public Optional<Correction> correct(DocumentId id, Optional<String> field, int page,
      String after, String officer, Instant at) throws StorageFailure {
    Correction correction = catalog.corrections().prepare(id, field, page, after, officer, at);
    if (correction.before().strip().equals(after.strip())) {
      return Optional.empty();
    }
    // The store first: a record there that the catalog lacks is found by 'sohoa check' and put
    // back by a rebuild; the other way round, the correction would be lost with the catalog.
    try {
      store.put(new ObjectKey(correction.objectKey()),
          json.writeValueAsBytes(Record.of(correction)));
    } catch (IOException e) {
      throw new StorageFailure("the correction of " + id + " cannot be written: "
          + e.getMessage(), "report this as a bug", e);
    }
    catalog.corrections().record(correction);
    return Optional.of(correction);
  }

  /**
   * The correction records among {@code keys} (a listing of {@code documents/}), by the folder of
   * the document they correct ({@code documents/<id>/}), each in the listing's order: by version.
   */
  public static Map<String, List<ObjectKey>> byDocumentFolder(List<ObjectKey> keys) {
    Map<String, List<ObjectKey>> records = new HashMap<>();
    for (ObjectKey key : keys) {
      int at = key.value().indexOf(FOLDER);
      if (at > 0) {
        records.computeIfAbsent(key.value().substring(0, at), f -> new ArrayList<>()).add(key);
      }
    }
    return records;
  }

  /**
   * Indexes again, in the order given, the corrections whose records are {@code records}: those
   * of a document just put back in a rebuilt catalog.
   *
   * @return how many were put back
   */
  public int restore(List<ObjectKey> records) throws StorageFailure, IOException {
    for (ObjectKey key : records) {
      Record record;
      try (InputStream in = store.open(key)) {
        record = json.readValue(in, Record.class);
      }
      catalog.corrections().record(record.correction(key));
    }
    return records.size();
  }
}
