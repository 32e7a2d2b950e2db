package sohoa.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;
import sohoa.app.Sohoa;
import sohoa.core.error.ConfigurationError;
import sohoa.core.error.ExitStatus;
import sohoa.archive.fixity.Finding;
import sohoa.archive.fixity.FixityResult;
import sohoa.archive.fixity.FixityScope;

/** {@code sohoa check}: a fixity audit of the store and the catalog. */
@Command(name = "check", mixinStandardHelpOptions = true,
    versionProvider = SohoaCommand.Version.class,
    description = {"Proves the archive is whole: hashes every artifact of every document and "
        + "certified copy again (SHA-256, as a stream) against its manifest, and names corrupt "
        + "objects, missing objects, orphan objects and documents the catalog does not index.",
      "An interrupted audit resumes where it stopped. Each run is written to the data folder's "
          + "checks/ and to the audit log."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:clean", "2:usage or configuration error",
      "3:damage found (each item named, with what to do)"})
final class CheckCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin DataFolder data;

  @Option(names = "--sample", paramLabel = "N",
      description = "check N documents drawn at random instead of all")
  Integer sample;

  @Option(names = "--since", paramLabel = "DATE",
      description = "check only documents made on or after DATE (yyyy-MM-dd)")
  String since;

  @Option(names = "--repair-catalog",
      description = "index the documents the store holds and the catalog lacks")
  boolean repairCatalog;

  @Option(names = "--max-rate", paramLabel = "MB/s",
      description = "read no faster than this many megabytes a second (default: no limit)")
  double maxRate;

  @Option(names = "--json", description = "print the result as JSON on standard output")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    FixityScope scope = scope();
    Clock clock = Clock.systemDefaultZone();
    Path checks;
    FixityResult result;
    try (Sohoa sohoa = data.openExisting(clock)) {
      checks = sohoa.checks();
      ProgressBar bar = new ProgressBar(err, data.environment().terminal());
      result = sohoa.fixity().run(scope, bar::show);
      bar.finish();
      data.record(sohoa, "fixity.check", data.storeAddress().toString(),
          Optional.empty(), String.format(Locale.ROOT, "%d documents, %d copies, %d objects,"
              + " %d bytes; %d damaged, %d repaired", result.documents(), result.copies(),
              result.objects(), result.bytes(), result.damage(),
              result.findings().size() - result.damage()));
    }
    Map<String, Object> report = report(result, scope);
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Path file = checks.resolve(JobNames.next(clock) + ".json");
    Files.createDirectories(checks);
    Files.write(file, mapper.writeValueAsBytes(report));
    if (json) {
      out.println(mapper.writeValueAsString(report));
    } else {
      for (Finding f : result.findings()) {
        out.println(f.kind().label() + (f.repaired() ? " (repaired)" : "") + "  " + f.key()
            + ": " + f.detail() + (f.repaired() ? "" : "\n    what to do: " + f.kind().remedy()));
      }
      out.printf(Locale.ROOT, "%s%d documents, %d certified copies, %d objects, %.1f MB checked"
          + " in %.1f s (%.0f MB/s): %s%nreport: %s%n", result.resumed() ? "resumed; " : "",
          result.documents(), result.copies(), result.objects(), result.bytes() / 1e6,
          result.elapsed().toMillis() / 1000.0, result.megabytesPerSecond(),
          result.damage() == 0 ? "clean" : result.damage() + " damaged", file);
    }
    out.flush();
    return result.damage() > 0 ? ExitStatus.VERIFICATION_FAILED.code() : ExitStatus.OK.code();
  }

  private FixityScope scope() throws ConfigurationError {
    Optional<Instant> from = Optional.empty();
    if (since != null) {
      try {
        from = Optional.of(LocalDate.parse(since).atStartOfDay(ZoneId.systemDefault())
            .toInstant());
      } catch (DateTimeParseException e) {
        throw new ConfigurationError("--since takes a date such as 2026-01-31, not " + since,
            "write the date as yyyy-MM-dd");
      }
    }
    if (maxRate < 0 || Double.isNaN(maxRate)) {
      throw new ConfigurationError("--max-rate must be a positive number of MB/s, not "
          + maxRate, "give e.g. --max-rate 50, or leave it out for no limit");
    }
    try {
      return new FixityScope(sample == null ? OptionalInt.empty() : OptionalInt.of(sample), from,
          repairCatalog, (long) (maxRate * 1e6));
    } catch (IllegalArgumentException e) {
      throw new ConfigurationError("--sample and --since: " + e.getMessage(),
          "give a sample of at least 1, or a date, not both");
    }
  }

  private static Map<String, Object> report(FixityResult result, FixityScope scope) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("clean", result.damage() == 0);
    report.put("resumed", result.resumed());
    report.put("sample", scope.sample().isPresent() ? scope.sample().getAsInt() : null);
    report.put("since", scope.since().map(Instant::toString).orElse(null));
    report.put("documents", result.documents());
    report.put("copies", result.copies());
    report.put("objects", result.objects());
    report.put("bytes", result.bytes());
    report.put("seconds", result.elapsed().toMillis() / 1000.0);
    report.put("damaged", result.damage());
    report.put("findings", result.findings().stream().map(f -> {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("kind", f.kind().label());
      item.put("key", f.key());
      item.put("owner", f.document());
      item.put("detail", f.detail());
      item.put("repaired", f.repaired());
      item.put("fix", f.repaired() ? null : f.kind().remedy());
      return item;
    }).toList());
    return report;
  }
}
