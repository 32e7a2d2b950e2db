package sohoa.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import sohoa.core.document.DocumentId;
import sohoa.core.error.StorageFailure;
import sohoa.core.text.Folding;

/**
 * Search over the catalogued documents' text and fields, folded (marks and case do not matter),
 * with the total a pager needs.
 */
public final class DocumentSearch {
  private final DataSource source;

  DocumentSearch(DataSource source) {
    this.source = source;
  }

  /**
   * How many documents match {@code query} in all (its page and size aside): what a caller needs
   * to say "page 2 of 7".
   */
  public int count(SearchQuery query) throws StorageFailure {
    List<Object> values = new ArrayList<>();
    String sql = "SELECT COUNT(*) FROM documents d" + matching(query, values);
    try (Connection c = source.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.size(); i++) {
        s.setObject(i + 1, values.get(i));
      }
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    } catch (SQLException e) {
      throw Sql.failure("count search results", e);
    }
  }

  /**
   * Documents matching {@code query}, oldest first (a stable order for paging). Words and field
   * values are folded before matching, so marks and case do not matter.
   */
  public List<SearchHit> hits(SearchQuery query) throws StorageFailure {
    List<Object> values = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT d.id, d.source_name, d.kind, d.page_count, "
        + "d.created_at FROM documents d").append(matching(query, values));
    sql.append(" ORDER BY d.created_at, d.id LIMIT ? OFFSET ?");
    values.add(query.size());
    values.add((query.page() - 1) * query.size());
    try (Connection c = source.getConnection();
        PreparedStatement s = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < values.size(); i++) {
        s.setObject(i + 1, values.get(i));
      }
      List<SearchHit> hits = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          DocumentId id = new DocumentId(r.getString(1));
          Map<String, String> fields = new LinkedHashMap<>();
          for (FieldRecord f : DocumentRows.fields(c, id)) {
            fields.put(f.name(), f.value());
          }
          hits.add(new SearchHit(id, r.getString(2), r.getString(3), r.getInt(4),
              r.getTimestamp(5).toInstant(), fields));
        }
      }
      return hits;
    } catch (SQLException e) {
      throw Sql.failure("search the catalog", e);
    }
  }

  private static String matching(SearchQuery query, List<Object> values) {
    StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
    for (String word : Folding.fold(query.text()).split("\\s+")) {
      if (!word.isEmpty()) {
        sql.append(" AND (d.folded_text LIKE ? ESCAPE '!' OR EXISTS (SELECT 1 FROM fields f "
            + "WHERE f.document_id = d.id AND f.folded LIKE ? ESCAPE '!'))");
        values.add(like(word));
        values.add(like(word));
      }
    }
    query.fields().forEach((name, value) -> {
      sql.append(" AND EXISTS (SELECT 1 FROM fields f WHERE f.document_id = d.id AND f.field_name = ? "
          + "AND f.folded LIKE ? ESCAPE '!')");
      values.add(name);
      values.add(like(Folding.fold(value.strip())));
    });
    query.from().ifPresent(from -> {
      sql.append(" AND EXISTS (SELECT 1 FROM fields f WHERE f.document_id = d.id "
          + "AND f.field_name = 'date' AND f.field_value >= ?)");
      values.add(from.toString());
    });
    query.to().ifPresent(to -> {
      sql.append(" AND EXISTS (SELECT 1 FROM fields f WHERE f.document_id = d.id "
          + "AND f.field_name = 'date' AND f.field_value <= ?)");
      values.add(to.toString());
    });
    // The same rule as AgencyScope.covers: the document's folded agency contains the scope's.
    query.scope().ifPresent(scope -> {
      sql.append(" AND EXISTS (SELECT 1 FROM fields f WHERE f.document_id = d.id"
          + " AND f.field_name = 'agency' AND f.folded LIKE ? ESCAPE '!')");
      values.add(like(Folding.fold(scope)));
    });
    return sql.toString();
  }

  private static String like(String text) {
    return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
  }
}
