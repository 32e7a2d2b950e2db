package sohoa.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;
import sohoa.app.Sohoa;
import sohoa.catalog.Catalog;
import sohoa.catalog.DocumentRecord;
import sohoa.catalog.FieldRecord;
import sohoa.catalog.FileRecord;
import sohoa.core.document.DocumentId;

/** {@code sohoa show ID}: a catalogued document's metadata and fields. */
@Command(name = "show", mixinStandardHelpOptions = true,
    description = "Prints a digitised document's metadata and fields.")
final class ShowCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "ID", description = "the document id 'sohoa digitize' printed")
  String id;

  @Mixin DataFolder data;

  @Option(names = "--json", description = "print JSON instead of text")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    DocumentId documentId = DataFolder.documentId(id);
    Optional<DocumentRecord> found;
    try (Sohoa sohoa = data.openExisting(Clock.systemDefaultZone())) {
      Catalog catalog = sohoa.catalog();
      found = catalog.documents().find(documentId);
    }
    if (found.isEmpty()) {
      spec.commandLine().getErr().println("sohoa: no document " + id + " in " + data
          + "; 'sohoa search' lists what is there");
      return 1;
    }
    DocumentRecord d = found.get();
    if (json) {
      Map<String, Object> shown = new LinkedHashMap<>();
      shown.put("id", d.id().value());
      shown.put("source", Map.of("name", d.sourceName(), "mediaType", d.mediaType(),
          "sha256", d.original().hex()));
      shown.put("pageCount", d.pageCount());
      shown.put("kind", d.kind());
      shown.put("createdAt", d.createdAt().toString());
      shown.put("meanConfidence", d.meanConfidence());
      shown.put("fields", d.fields().stream().map(f -> Map.of("name", f.name(), "value",
          f.value(), "confidence", f.confidence(), "page", f.page())).toList());
      d.file().ifPresent(f -> shown.put("file", fileProperties(f)));
      shown.put("artifacts", d.artifacts().stream().map(a -> Map.of("kind", a.kind(), "key",
          a.objectKey(), "sha256", a.sha256().hex(), "size", a.size())).toList());
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(shown));
      return 0;
    }
    out.printf("document   %s%n", d.id().value());
    out.printf("source     %s (%s, %d page%s, sha256 %s)%n", d.sourceName(), d.mediaType(),
        d.pageCount(), d.pageCount() == 1 ? "" : "s", d.original().hex());
    out.printf("kind       %s%n", d.kind());
    out.printf("created    %s%n", d.createdAt());
    out.printf("confidence %.1f%%%n", d.meanConfidence());
    out.println("fields");
    for (FieldRecord f : d.fields()) {
      out.printf("  %-18s %s   (%.0f%%, page %d%s)%n", f.name(), f.value(), f.confidence() * 100,
          f.page(), f.confidence() < 0.6 ? ", unsure: check it" : "");
    }
    d.file().ifPresent(f -> {
      out.println("file (as the input describes itself)");
      fileProperties(f).forEach((name, value) -> out.printf("  %-18s %s%n", name, value));
    });
    out.println("artifacts");
    d.artifacts().forEach(a -> out.printf("  %-9s %s (%d bytes, sha256 %s)%n", a.kind(),
        a.objectKey(), a.size(), a.sha256().hex()));
    return 0;
  }

  /** The file's own metadata that it has, in a fixed order. */
  private static Map<String, Object> fileProperties(FileRecord f) {
    Map<String, Object> shown = new LinkedHashMap<>();
    f.title().ifPresent(v -> shown.put("title", v));
    f.author().ifPresent(v -> shown.put("author", v));
    f.creatorTool().ifPresent(v -> shown.put("creatorTool", v));
    f.producer().ifPresent(v -> shown.put("producer", v));
    f.created().ifPresent(v -> shown.put("created", v.toString()));
    f.modified().ifPresent(v -> shown.put("modified", v.toString()));
    f.pageCount().ifPresent(v -> shown.put("pageCount", v));
    shown.put("xmp", f.xmp());
    f.problem().ifPresent(v -> shown.put("problem", v));
    return shown;
  }
}
