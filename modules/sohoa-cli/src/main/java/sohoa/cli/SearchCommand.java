package sohoa.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;
import sohoa.app.Sohoa;
import sohoa.catalog.Catalog;
import sohoa.catalog.SearchHit;
import sohoa.catalog.SearchQuery;

/**
 * {@code sohoa search}: documents by words of their text and by field, folded, so that
 * {@code quyet dinh 123} finds {@code Quyết định số 123}.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
    description = "Finds digitised documents by text and by field.")
final class SearchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "WORDS", arity = "0..*",
      description = "words that must all occur (marks and case do not matter)")
  List<String> words = List.of();

  @Mixin DocumentFilter filter;

  @Option(names = "--page", defaultValue = "1", description = "result page (default: 1)") int page;
  @Option(names = "--size", defaultValue = "20", description = "results a page (default: 20)")
  int size;

  @Mixin DataFolder data;

  @Option(names = "--json", description = "print JSON instead of text")
  boolean json;

  @Override
  public Integer call() throws Exception {
    SearchQuery query = filter.query(String.join(" ", words), page, size);
    List<SearchHit> hits;
    try (Sohoa sohoa = data.openExisting(Clock.systemDefaultZone())) {
      Catalog catalog = sohoa.catalog();
      hits = catalog.search().hits(query);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(hits.stream().map(h -> Map.of("id", h.id().value(), "source",
              h.sourceName(), "kind", h.kind(), "pageCount", h.pageCount(), "createdAt",
              h.createdAt().toString(), "fields", h.fields())).toList()));
      return 0;
    }
    for (SearchHit hit : hits) {
      out.printf("%s  %-12s %-16s %s  %s%n", hit.id().value(),
          hit.fields().getOrDefault("date", ""), hit.fields().getOrDefault("number", ""),
          hit.fields().getOrDefault("type", hit.kind()),
          hit.fields().getOrDefault("summary", hit.sourceName()));
    }
    out.printf("%d document%s (page %d)%n", hits.size(), hits.size() == 1 ? "" : "s", page);
    return 0;
  }
}
