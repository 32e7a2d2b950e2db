package sohoa.catalog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import sohoa.core.document.DocumentId;
import sohoa.core.error.StorageFailure;
import sohoa.core.text.Folding;

/**
 * Corrections of fields and page texts, each a new version: the field's value, or the page's part
 * of the document's full text (pages are separated by form feeds), is replaced and folded again
 * for search in the same transaction that records the version.
 */
public final class Corrections {
  private final DataSource source;

  Corrections(DataSource source) {
    this.source = source;
  }

  /** The version a correction made now would be, and what it would replace. */
  public Correction prepare(DocumentId id, Optional<String> field, int page, String after,
      String officer, Instant at) throws StorageFailure {
    try (Connection c = source.getConnection()) {
      int version = Sql.query(c, "SELECT COALESCE(MAX(version), 0) FROM corrections WHERE"
          + " document_id = ?", r -> r.getInt(1), id.value()).get(0) + 1;
      String before = current(c, id, field, page);
      return new Correction(id, version, field, page, before, after, officer, at,
          "documents/" + id.value() + "/corrections/" + String.format("%04d", version) + "-"
              + at.toEpochMilli() + ".json");
    } catch (SQLException e) {
      throw Sql.failure("read document " + id + " for a correction", e);
    }
  }

  /**
   * Records a prepared correction and re-indexes the document.
   *
   * @throws StorageFailure when someone else corrected the document since it was prepared
   */
  public void record(Correction correction) throws StorageFailure {
    DocumentId id = correction.document();
    try (Connection c = source.getConnection()) {
      c.setAutoCommit(false);
      try {
        if (!current(c, id, correction.field(), correction.page())
            .equals(correction.before())) {
          throw new SQLException("changed meanwhile");
        }
        Sql.update(c, "INSERT INTO corrections (document_id, version, target, field_name,"
            + " page_number, before_value, after_value, officer, made_at, object_key) VALUES"
            + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id.value(), correction.version(),
            correction.field().isPresent() ? "field" : "page", correction.field(),
            correction.page() > 0 ? correction.page() : null, correction.before(),
            correction.after(), correction.officer(), correction.at(), correction.objectKey());
        if (correction.field().isPresent()) {
          String name = correction.field().get();
          if (Sql.update(c, "UPDATE fields SET field_value = ?, folded = ?, confidence = 1"
              + " WHERE document_id = ? AND field_name = ?", correction.after(),
              Folding.fold(correction.after()), id.value(), name) == 0) {
            Sql.update(c, "INSERT INTO fields (document_id, field_name, field_value, folded,"
                + " confidence, page_number) VALUES (?, ?, ?, ?, 1, 1)", id.value(), name,
                correction.after(), Folding.fold(correction.after()));
          }
        } else {
          String[] pages = fullText(c, id).split("\f", -1);
          pages[correction.page() - 1] = correction.after().endsWith("\n")
              ? correction.after() : correction.after() + "\n";
          String text = String.join("\f", pages);
          Sql.update(c, "UPDATE documents SET full_text = ?, folded_text = ? WHERE id = ?",
              text, Folding.fold(text), id.value());
        }
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StorageFailure("the correction of " + correction.target() + " in document "
          + id + " was not recorded: " + e.getMessage(), "open the document again (someone may"
          + " have corrected it meanwhile) and make the correction once more", e);
    }
  }

  /** Every correction of a document, newest first. */
  public List<Correction> history(DocumentId id) throws StorageFailure {
    return Sql.query(source, "read the corrections of " + id, "SELECT version, field_name,"
        + " page_number, before_value, after_value, officer, made_at, object_key FROM"
        + " corrections WHERE document_id = ? ORDER BY version DESC", r -> correction(id, r),
        id.value());
  }

  private static Correction correction(DocumentId id, ResultSet r) throws SQLException {
    return new Correction(id, r.getInt(1), Optional.ofNullable(r.getString(2)), r.getInt(3),
        r.getString(4), r.getString(5), r.getString(6), r.getTimestamp(7).toInstant(),
        r.getString(8));
  }

  /** A field's value ("" when it was not read), or a page's text as the catalog has it now. */
  private static String current(Connection c, DocumentId id, Optional<String> field, int page)
      throws SQLException {
    if (field.isPresent()) {
      return Sql.query(c, "SELECT field_value FROM fields WHERE document_id = ? AND"
          + " field_name = ?", r -> r.getString(1), id.value(), field.get()).stream()
          .findFirst().orElse("");
    }
    String[] pages = fullText(c, id).split("\f", -1);
    if (page > pages.length) {
      throw new SQLException("the document has no page " + page);
    }
    return pages[page - 1];
  }

  private static String fullText(Connection c, DocumentId id) throws SQLException {
    return Sql.query(c, "SELECT full_text FROM documents WHERE id = ?", r -> r.getString(1),
        id.value()).stream().findFirst().orElseThrow(() -> new SQLException("there is no"
        + " document " + id));
  }
}
