package sohoa.catalog;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * A catalog search: words that must all occur in a document's folded text or fields, field
 * values each field must contain (both folded), a date range on the issue date,
 * and a page of results (1-based) of a given size, in a stable order.
 *
 * @param scope the agency the searcher is limited to (an API key or account scoped to it): only
 *     documents it {@linkplain ApiKey#maySee may see} match, so that counts and pages hold
 *     nothing of other agencies
 */
public record SearchQuery(String text, Map<String, String> fields, Optional<LocalDate> from,
    Optional<LocalDate> to, int page, int size, Optional<String> scope) {
  /** Results past this many are not served: a search that finds more is narrowed, not paged. */
  public static final int MAX_SKIPPED = 100_000;
  /** A search text or field value longer than this is not something a person typed. */
  public static final int MAX_TEXT = 500;

  public SearchQuery {
    fields = Map.copyOf(fields);
    if (page < 1) {
      throw new IllegalArgumentException("result pages are numbered from 1, got " + page);
    }
    if (size < 1 || size > 500) {
      throw new IllegalArgumentException("a result page holds 1 to 500 documents, got " + size);
    }
    if ((long) (page - 1) * size > MAX_SKIPPED) {
      throw new IllegalArgumentException("only the first " + MAX_SKIPPED + " results are served,"
          + " and page " + page + " of " + size + " starts past them: narrow the search");
    }
    problem(text).ifPresent(p -> {
      throw new IllegalArgumentException("the search text " + p);
    });
    fields.forEach((name, value) -> {
      if (!name.matches("[a-z][a-z_]*")) {
        throw new IllegalArgumentException("not a field name: " + name);
      }
      problem(value).ifPresent(p -> {
        throw new IllegalArgumentException("the value of " + name + " " + p);
      });
    });
  }

  /**
   * What is wrong with a text searched for, if anything: control characters (a NUL, which
   * PostgreSQL refuses in text) or a length no person types.
   */
  public static Optional<String> problem(String text) {
    if (text.length() > MAX_TEXT) {
      return Optional.of("is " + text.length() + " characters long; at most " + MAX_TEXT);
    }
    return text.chars().filter(Character::isISOControl)
        .mapToObj(c -> String.format("holds the control character U+%04X", c)).findFirst();
  }

  /** A search by anyone not limited to an agency. */
  public SearchQuery(String text, Map<String, String> fields, Optional<LocalDate> from,
      Optional<LocalDate> to, int page, int size) {
    this(text, fields, from, to, page, size, Optional.empty());
  }

  /** The same search by someone limited to {@code scope}'s agency, if any. */
  public SearchQuery within(Optional<String> scope) {
    return new SearchQuery(text, fields, from, to, page, size, scope);
  }

  public static SearchQuery text(String text) {
    return new SearchQuery(text, Map.of(), Optional.empty(), Optional.empty(), 1, 20);
  }
}
