package sohoa.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javax.sql.DataSource;
import sohoa.catalog.RegisterEntry.Status;
import sohoa.core.document.ContentHash;
import sohoa.core.document.CopyId;
import sohoa.core.document.DocumentId;
import sohoa.core.error.StorageFailure;

/** The register's rows as {@link RegisterEntry} values, and what to say when they cannot be. */
final class RegisterRows {
  private static final String COLUMNS = "office, book, seq_year, entry_number, copy_id, "
      + "original_id, status, officer, officer_title, agency, holder, reserved_at, finished_at, "
      + "page_count, object_key, sha256, void_reason";

  private final DataSource dataSource;

  RegisterRows(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  List<RegisterEntry> select(String what, String where, Object... values)
      throws StorageFailure {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
            + " FROM register_entries WHERE " + where)) {
      for (int i = 0; i < values.length; i++) {
        s.setObject(i + 1, values[i]);
      }
      List<RegisterEntry> entries = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          entries.add(entry(r));
        }
      }
      return entries;
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  private static RegisterEntry entry(ResultSet r) throws SQLException {
    Timestamp finished = r.getTimestamp(13);
    int pages = r.getInt(14);
    OptionalInt pageCount = r.wasNull() ? OptionalInt.empty() : OptionalInt.of(pages);
    return new RegisterEntry(new RegisterBook(r.getString(1), r.getString(2), r.getInt(3)),
        r.getInt(4), new CopyId(r.getString(5)), new DocumentId(r.getString(6)),
        Status.valueOf(r.getString(7)), r.getString(8), r.getString(9), r.getString(10),
        r.getString(11), r.getTimestamp(12).toInstant(),
        Optional.ofNullable(finished).map(Timestamp::toInstant), pageCount,
        Optional.ofNullable(r.getString(15)), Optional.ofNullable(r.getString(16))
            .map(ContentHash::new), Optional.ofNullable(r.getString(17)));
  }

  static StorageFailure failure(String what, SQLException e) {
    return new StorageFailure("the certification register cannot " + what + ": "
        + e.getMessage(), "check that the catalog database is reachable; no number was lost:"
        + " an unfinished one is voided or completed the next time a copy is issued", e);
  }
}
