package sohoa.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import sohoa.core.document.ContentHash;
import sohoa.core.document.DocumentId;
import sohoa.core.text.Box;
import sohoa.core.text.Folding;
import sohoa.core.text.TextOrigin;

/**
 * A document's rows beside its own: fields, file metadata, artifacts and pages, written and read
 * inside the caller's connection (and so its transaction).
 */
final class DocumentRows {
  private DocumentRows() {}

  static void insertFields(Connection c, DocumentRecord d) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO fields (document_id, field_name, field_value, "
        + "folded, confidence, page_number, box_left, box_top, box_right, box_bottom) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (FieldRecord f : d.fields()) {
        s.setString(1, d.id().value());
        s.setString(2, f.name());
        s.setString(3, f.value());
        s.setString(4, Folding.fold(f.value()));
        s.setFloat(5, (float) f.confidence());
        s.setInt(6, f.page());
        Integer[] box = f.box().map(b -> new Integer[] {b.left(), b.top(), b.right(), b.bottom()})
            .orElse(new Integer[4]);
        for (int i = 0; i < 4; i++) {
          if (box[i] == null) {
            s.setNull(7 + i, Types.INTEGER);
          } else {
            s.setInt(7 + i, box[i]);
          }
        }
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  static void insertFile(Connection c, DocumentId id, FileRecord f) throws SQLException {
    Sql.update(c, "INSERT INTO file_metadata (document_id, title, author, creator_tool,"
        + " producer, file_created, file_modified, page_count, has_xmp, problem)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id.value(), f.title(), f.author(),
        f.creatorTool(), f.producer(), f.created(), f.modified(),
        f.pageCount().isPresent() ? f.pageCount().getAsInt() : null, f.xmp(), f.problem());
  }

  static Optional<FileRecord> file(Connection c, DocumentId id) throws SQLException {
    return Sql.query(c, "SELECT title, author, creator_tool, producer, file_created,"
        + " file_modified, page_count, has_xmp, problem FROM file_metadata WHERE document_id = ?",
        r -> {
          int pages = r.getInt(7);
          OptionalInt pageCount = r.wasNull() ? OptionalInt.empty() : OptionalInt.of(pages);
          return new FileRecord(Optional.ofNullable(r.getString(1)),
              Optional.ofNullable(r.getString(2)), Optional.ofNullable(r.getString(3)),
              Optional.ofNullable(r.getString(4)), Sql.instant(r, 5), Sql.instant(r, 6),
              pageCount, r.getBoolean(8), Optional.ofNullable(r.getString(9)));
        }, id.value()).stream().findFirst();
  }

  static List<FieldRecord> fields(Connection c, DocumentId id) throws SQLException {
    return Sql.query(c, "SELECT field_name, field_value, confidence, page_number, box_left,"
        + " box_top, box_right, box_bottom FROM fields WHERE document_id = ? ORDER BY field_name",
        r -> {
          int left = r.getInt(5);
          Optional<Box> box = r.wasNull() ? Optional.empty()
              : Optional.of(new Box(left, r.getInt(6), r.getInt(7), r.getInt(8)));
          return new FieldRecord(r.getString(1), r.getString(2), r.getFloat(3), r.getInt(4), box);
        }, id.value());
  }

  static List<ArtifactRecord> artifacts(Connection c, DocumentId id) throws SQLException {
    return Sql.query(c, "SELECT kind, object_key, sha256, size_bytes FROM artifacts"
        + " WHERE document_id = ? ORDER BY kind", r -> new ArtifactRecord(r.getString(1),
            r.getString(2), new ContentHash(r.getString(3)), r.getLong(4)), id.value());
  }

  static List<PageRecord> pages(Connection c, DocumentId id) throws SQLException {
    return Sql.query(c, "SELECT page_number, text_origin, word_count, mean_confidence,"
        + " needs_review FROM pages WHERE document_id = ? ORDER BY page_number",
        r -> new PageRecord(r.getInt(1), TextOrigin.valueOf(r.getString(2)), r.getInt(3),
            r.getFloat(4), r.getBoolean(5)), id.value());
  }
}
