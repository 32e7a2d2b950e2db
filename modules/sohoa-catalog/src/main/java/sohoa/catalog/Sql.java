package sohoa.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import sohoa.core.error.StorageFailure;

/** One statement on its own connection, for the catalog's smaller tables. */
final class Sql {
  private Sql() {}

  /** Reads one row. */
  interface Row<T> {
    T read(ResultSet r) throws SQLException;
  }

  /** Runs an INSERT, UPDATE or DELETE; the number of rows it touched. */
  static int update(DataSource source, String what, String sql, Object... values)
      throws StorageFailure {
    try (Connection c = source.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, values);
      return s.executeUpdate();
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  static <T> List<T> query(DataSource source, String what, String sql, Row<T> row,
      Object... values) throws StorageFailure {
    try (Connection c = source.getConnection()) {
      return query(c, sql, row, values);
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  static <T> List<T> query(Connection c, String sql, Row<T> row, Object... values)
      throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, values);
      List<T> rows = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.add(row.read(r));
        }
      }
      return rows;
    }
  }

  static int update(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      bind(s, values);
      return s.executeUpdate();
    }
  }

  /** Instants as timestamps, empty optionals and nulls as SQL NULL. */
  private static void bind(PreparedStatement s, Object... values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      Object value = values[i] instanceof Optional<?> o ? o.orElse(null) : values[i];
      if (value == null) {
        // Untyped: the column's own type, whether it is text or a number.
        s.setNull(i + 1, Types.NULL);
      } else if (value instanceof Instant instant) {
        s.setTimestamp(i + 1, Timestamp.from(instant));
      } else {
        s.setObject(i + 1, value);
      }
    }
  }

  static Optional<Instant> instant(ResultSet r, int column) throws SQLException {
    return Optional.ofNullable(r.getTimestamp(column)).map(Timestamp::toInstant);
  }

  static StorageFailure failure(String what, SQLException e) {
    return new StorageFailure("the catalog could not " + what + ": " + e.getMessage(),
        "check that the catalog database is reachable and not full", e);
  }
}
