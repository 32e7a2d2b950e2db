package sohoa.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;
import sohoa.app.Sohoa;
import sohoa.catalog.Catalog;
import sohoa.catalog.SearchHit;
import sohoa.core.document.DocumentId;
import sohoa.core.error.ConfigurationError;
import sohoa.core.error.ExitStatus;
import sohoa.archive.transfer.BagExport;

/** {@code sohoa export}: selected documents as a BagIt transfer package. */
@Command(name = "export", mixinStandardHelpOptions = true,
    versionProvider = SohoaCommand.Version.class,
    description = {"Writes the selected documents (originals, archival PDF/A, texts, manifests "
        + "and catalog rows as JSON) as a BagIt bag, a folder or a .zip, for an archive or "
        + "another sohoa ('sohoa import'). Every object is checked against its manifest on the "
        + "way out."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:written", "1:a stored object is damaged or missing (nothing written)",
      "2:usage or configuration error"})
final class ExportCommand implements Callable<Integer> {
  private static final int PAGE = 500;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--query", paramLabel = "WORDS",
      description = "words that must all occur in the text or fields (marks and case do not"
          + " matter)")
  String query;

  @Mixin DocumentFilter filter;

  @Option(names = "--id", paramLabel = "ID", description = "this document (repeatable)")
  List<String> ids = new ArrayList<>();

  @Option(names = "--all", description = "every document in the catalog")
  boolean all;

  @Option(names = {"-o", "--output"}, paramLabel = "DIR|FILE.zip", required = true,
      description = "a new folder, or a file ending .zip")
  Path output;

  @Option(names = "--organization", paramLabel = "NAME", defaultValue = "sohoa",
      description = "who sends the package, for bag-info.txt (default: ${DEFAULT-VALUE})")
  String organization;

  @Mixin DataFolder data;

  @Override
  public Integer call() throws Exception {
    boolean searched = query != null || filter.narrows();
    if (!all && !searched && ids.isEmpty()) {
      throw new ConfigurationError("export needs a selection", "give --query, a field option,"
          + " --id, or --all for every document");
    }
    BagExport.Result result;
    try (Sohoa sohoa = data.openExisting(Clock.systemDefaultZone())) {
      Catalog catalog = sohoa.catalog();
      Set<DocumentId> selected = new LinkedHashSet<>();
      for (String id : ids) {
        selected.add(DataFolder.documentId(id));
      }
      if (all || searched) {
        // --all: every document, whatever else is given.
        DocumentFilter by = all ? new DocumentFilter() : filter;
        String words = all ? "" : Optional.ofNullable(query).orElse("");
        for (int page = 1; ; page++) {
          List<SearchHit> hits = catalog.search().hits(by.query(words, page, PAGE));
          hits.forEach(h -> selected.add(h.id()));
          if (hits.size() < PAGE) {
            break;
          }
        }
      }
      result = sohoa.bagExport().export(List.copyOf(selected), output, organization);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%d documents (%.1f MB) written as a BagIt bag to %s%n", result.documents(),
        result.bytes() / 1e6, result.bag().toAbsolutePath());
    out.flush();
    return ExitStatus.OK.code();
  }
}
