package sohoa.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javax.sql.DataSource;
import sohoa.core.document.ContentHash;
import sohoa.core.document.DocumentId;
import sohoa.core.error.StorageFailure;
import sohoa.core.text.Folding;

/**
 * The catalogued documents: each recorded in one transaction with its fields, file metadata,
 * artifacts and pages, so that a crash leaves it either whole or absent; looked up by id or by
 * original; walked in id order.
 */
public final class Documents {
  private final DataSource source;

  Documents(DataSource source) {
    this.source = source;
  }

  /**
   * Records a document with its artifacts and pages in one transaction. Recording a document that
   * is already there (another worker finished it first) changes nothing.
   */
  public void record(DocumentRecord d) throws StorageFailure {
    try (Connection c = source.getConnection()) {
      c.setAutoCommit(false);
      try {
        if (exists(c, d.id())) {
          c.rollback();
          return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO documents (id, original_sha256, "
            + "source_name, media_type, page_count, mean_confidence, full_text, manifest_sha256, "
            + "created_at, kind, folded_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          s.setString(1, d.id().value());
          s.setString(2, d.original().hex());
          s.setString(3, d.sourceName());
          s.setString(4, d.mediaType());
          s.setInt(5, d.pageCount());
          s.setFloat(6, d.meanConfidence());
          s.setString(7, d.fullText());
          s.setString(8, d.manifest().hex());
          s.setTimestamp(9, Timestamp.from(d.createdAt()));
          s.setString(10, d.kind());
          s.setString(11, Folding.fold(d.fullText()));
          s.executeUpdate();
        }
        DocumentRows.insertFields(c, d);
        if (d.file().isPresent()) {
          DocumentRows.insertFile(c, d.id(), d.file().get());
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO artifacts (document_id, kind, "
            + "object_key, sha256, size_bytes) VALUES (?, ?, ?, ?, ?)")) {
          for (ArtifactRecord a : d.artifacts()) {
            s.setString(1, d.id().value());
            s.setString(2, a.kind());
            s.setString(3, a.objectKey());
            s.setString(4, a.sha256().hex());
            s.setLong(5, a.size());
            s.addBatch();
          }
          s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO pages (document_id, page_number, "
            + "text_origin, word_count, mean_confidence, needs_review) VALUES (?, ?, ?, ?, ?, ?)")) {
          for (PageRecord p : d.pages()) {
            s.setString(1, d.id().value());
            s.setInt(2, p.number());
            s.setString(3, p.origin().name());
            s.setInt(4, p.wordCount());
            s.setFloat(5, p.meanConfidence());
            s.setBoolean(6, p.needsReview());
            s.addBatch();
          }
          s.executeBatch();
        }
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        if (exists(c, d.id())) {
          return; // another worker recorded it between our check and our insert
        }
        throw e;
      }
    } catch (SQLException e) {
      throw Sql.failure("record document " + d.id(), e);
    }
  }

  public Optional<DocumentRecord> find(DocumentId id) throws StorageFailure {
    Optional<ContentHash> original = Sql.query(source, "look up document " + id,
        "SELECT original_sha256 FROM documents WHERE id = ?", r -> new ContentHash(r.getString(1)),
        id.value()).stream().findFirst();
    return original.isPresent() ? findByOriginal(original.get()) : Optional.empty();
  }

  public Optional<DocumentRecord> findByOriginal(ContentHash original) throws StorageFailure {
    try (Connection c = source.getConnection();
        PreparedStatement s = c.prepareStatement(
            "SELECT id, source_name, media_type, page_count, mean_confidence, full_text, "
                + "manifest_sha256, created_at, kind FROM documents WHERE original_sha256 = ?")) {
      s.setString(1, original.hex());
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        DocumentId id = new DocumentId(r.getString(1));
        return Optional.of(new DocumentRecord(id, original, r.getString(2), r.getString(3),
            r.getInt(4), r.getFloat(5), r.getString(6), new ContentHash(r.getString(7)),
            r.getTimestamp(8).toInstant(), DocumentRows.artifacts(c, id),
            DocumentRows.pages(c, id), r.getString(9), DocumentRows.fields(c, id),
            DocumentRows.file(c, id)));
      }
    } catch (SQLException e) {
      throw Sql.failure("look up a document", e);
    }
  }

  /**
   * The page count of the document made from this original, if it is catalogued: what a reuse
   * check needs, without reading the document's text, artifacts and pages.
   */
  public OptionalInt pageCountOf(ContentHash original) throws StorageFailure {
    return Sql.query(source, "look up a document", "SELECT page_count FROM documents"
        + " WHERE original_sha256 = ?", r -> r.getInt(1), original.hex()).stream()
        .mapToInt(Integer::intValue).findFirst();
  }

  public Optional<StoredDocument> stored(DocumentId id) throws StorageFailure {
    try (Connection c = source.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT d.source_name, d.media_type,"
            + " d.page_count, (SELECT f.field_value FROM fields f WHERE f.document_id = d.id"
            + " AND f.field_name = 'agency') FROM documents d WHERE d.id = ?")) {
      s.setString(1, id.value());
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        return Optional.of(new StoredDocument(id, r.getString(1), r.getString(2), r.getInt(3),
            DocumentRows.artifacts(c, id), Optional.ofNullable(r.getString(4))));
      }
    } catch (SQLException e) {
      throw Sql.failure("look up document " + id, e);
    }
  }

  /**
   * The agency that issued document {@code id}, as its fields say: what scoping checks. Empty
   * when the document names none, or is not catalogued.
   */
  public Optional<String> agencyOf(DocumentId id) throws StorageFailure {
    return Sql.query(source, "look up the agency of document " + id, "SELECT field_value"
        + " FROM fields WHERE document_id = ? AND field_name = 'agency'", r -> r.getString(1),
        id.value()).stream().findFirst();
  }

  public int count() throws StorageFailure {
    return Sql.query(source, "count documents", "SELECT COUNT(*) FROM documents",
        r -> r.getInt(1)).get(0);
  }

  /**
   * Up to {@code limit} catalogued documents in id order, after {@code after} and made at or after
   * {@code since}: a walk over millions of documents that holds one page at a time and can resume
   * from the last id it saw.
   */
  public List<DocumentId> ids(Optional<DocumentId> after, Optional<Instant> since,
      int limit) throws StorageFailure {
    return Sql.query(source, "list documents", "SELECT id FROM documents WHERE id > ?"
        + " AND created_at >= ? ORDER BY id LIMIT ?", r -> new DocumentId(r.getString(1)),
        after.map(DocumentId::value).orElse(""), since.orElse(Instant.EPOCH), limit);
  }

  public List<DocumentId> sample(int count) throws StorageFailure {
    return Sql.query(source, "draw a sample of documents", "SELECT id FROM (SELECT id FROM"
        + " documents ORDER BY RANDOM() LIMIT ?) sample ORDER BY id",
        r -> new DocumentId(r.getString(1)), count);
  }

  /**
   * Whether a catalog row (a document's artifact or a certified copy) names the object {@code
   * key}: an object no row names is an orphan.
   */
  public boolean knowsObject(String key) throws StorageFailure {
    return !Sql.query(source, "look up the object " + key, "SELECT 1 FROM artifacts WHERE"
        + " object_key = ? UNION ALL SELECT 1 FROM register_entries WHERE object_key = ?"
        + " UNION ALL SELECT 1 FROM corrections WHERE object_key = ?", r -> 1, key, key, key)
        .isEmpty();
  }

  private static boolean exists(Connection c, DocumentId id) throws SQLException {
    return !Sql.query(c, "SELECT 1 FROM documents WHERE id = ?", r -> 1, id.value()).isEmpty();
  }

}
