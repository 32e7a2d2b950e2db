package sohoa.catalog;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * A catalog search: words that must all occur in a document's folded text or fields, field
 * values each field must contain (both folded), a date range on the issue date,
 * and a page of results (1-based) of a given size, in a stable order.
 */
public record SearchQuery(String text, Map<String, String> fields, Optional<LocalDate> from,
    Optional<LocalDate> to, int page, int size) {
  public SearchQuery {
    fields = Map.copyOf(fields);
    if (page < 1) {
      throw new IllegalArgumentException("result pages are numbered from 1, got " + page);
    }
    if (size < 1 || size > 500) {
      throw new IllegalArgumentException("a result page holds 1 to 500 documents, got " + size);
    }
    for (String name : fields.keySet()) {
      if (!name.matches("[a-z][a-z_]*")) {
        throw new IllegalArgumentException("not a field name: " + name);
      }
    }
  }

  public static SearchQuery text(String text) {
    return new SearchQuery(text, Map.of(), Optional.empty(), Optional.empty(), 1, 20);
  }
}
