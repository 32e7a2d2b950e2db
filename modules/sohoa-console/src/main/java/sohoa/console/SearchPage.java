package sohoa.console;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sohoa.catalog.Catalog;
import sohoa.catalog.OfficerAccount;
import sohoa.catalog.SearchHit;
import sohoa.catalog.SearchQuery;
import sohoa.core.error.StorageFailure;
import sohoa.extract.fields.DocumentKind;

/**
 * The console's home: one box over the folded full text and fields, with the fields a counter
 * asks for most (number and symbol, agency, type, personal ID, a date range), results with the
 * first page's picture, twenty to a page.
 */
final class SearchPage {
  static final int PAGE_SIZE = 20;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy")
      .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));
  /** The fields the form filters on, each by a parameter of the field's name. */
  private static final List<String> FILTERS = List.of("number", "agency", "type",
      "personal_id");

  private final Catalog catalog;
  private final Views views;

  SearchPage(Catalog catalog, Views views) {
    this.catalog = catalog;
    this.views = views;
  }

  /** One result as the page lists it. */
  record Hit(String id, String title, String kind, int pages, String made, String number,
      String agency, String date) {}

  void show(Context ctx) throws StorageFailure {
    OfficerAccount officer = Guard.officer(ctx);
    String text = param(ctx, "q");
    Map<String, String> fields = new LinkedHashMap<>();
    for (String field : FILTERS) {
      String value = param(ctx, field);
      if (!value.isEmpty()) {
        fields.put(field, value);
      }
    }
    // A scoped account searches its agency's records only, whatever the form says.
    officer.agency().ifPresent(agency -> fields.put("agency", agency));
    Optional<LocalDate> from = date(ctx, "from");
    Optional<LocalDate> to = date(ctx, "to");
    int page = Math.max(1, parseInt(param(ctx, "page"), 1));
    boolean asked = !text.isEmpty() || !fields.isEmpty() || from.isPresent() || to.isPresent()
        || ctx.queryParam("q") != null;
    List<Hit> hits = List.of();
    if (asked) {
      hits = catalog.search().hits(new SearchQuery(text, fields, from, to, page, PAGE_SIZE))
          .stream().map(SearchPage::hit).toList();
    }
    // A full page may have more after it; the next page says so if it has none.
    boolean more = hits.size() == PAGE_SIZE;
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("title", views.text("console.search.title"));
    model.put("asked", asked);
    model.put("hits", hits);
    model.put("page", page);
    model.put("more", more);
    model.put("query", ctx.queryString() == null ? "" : ctx.queryString()
        .replaceAll("(^|&)page=[^&]*", ""));
    for (String name : List.of("q", "number", "agency", "type", "personal_id", "from", "to")) {
      model.put("f_" + name, param(ctx, name));
    }
    views.render(ctx, "search", model);
  }

  private static Hit hit(SearchHit h) {
    return new Hit(h.id().value(), h.fields().getOrDefault("summary", h.sourceName()),
        DocumentKind.labelOf(h.kind()), h.pageCount(), DAY.format(h.createdAt()),
        h.fields().getOrDefault("number", ""), h.fields().getOrDefault("agency", ""),
        h.fields().getOrDefault("date", ""));
  }

  private static Optional<LocalDate> date(Context ctx, String name) {
    String value = param(ctx, name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(value));
    } catch (DateTimeParseException e) {
      throw ConsoleProblem.badRequest("console.bad-date", value);
    }
  }

  static String param(Context ctx, String name) {
    return Optional.ofNullable(ctx.queryParam(name)).orElse("").strip();
  }

  static int parseInt(String text, int otherwise) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }
}
