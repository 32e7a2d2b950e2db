package sohoa.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sohoa.app.Sohoa;
import sohoa.core.error.ExitStatus;
import sohoa.pipeline.Announcer;
import sohoa.pipeline.BatchSummary;
import sohoa.pipeline.DigitizeOptions;
import sohoa.pipeline.PipelineListener;
import sohoa.pipeline.Sealing;
import sohoa.pipeline.Digitiser;
import sohoa.pipeline.batch.BatchRunner;
import sohoa.pipeline.batch.InputCollector;
import sohoa.pipeline.batch.Inputs;
import sohoa.pipeline.batch.SummaryJson;

/** {@code sohoa digitize}: a batch of scans in, searchable PDF/A documents stored and catalogued. */
@Command(name = "digitize",
    mixinStandardHelpOptions = true,
    versionProvider = SohoaCommand.Version.class,
    description = {
      "OCRs scans (TIFF, PNG, JPEG, scanned or born-digital PDF) in Vietnamese and stores each as "
          + "an archival PDF/A with a searchable text layer, its original and a manifest.",
      "Inputs already digitised (same content) are reused, not redone. A bad input is reported, "
          + "kept in quarantine with its reason, and the rest goes on."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:all inputs done or reused", "1:some inputs failed (see the summary)",
      "2:usage or configuration error",
      "130:stopped by Ctrl-C (143: SIGTERM); run it again to resume"})
final class DigitizeCommand implements Callable<Integer> {
  /**
   * After Ctrl-C, how long the documents in hand may take to finish; past it, the process exits
   * and the next run redoes them.
   */
  private static final Duration GRACE = Duration.ofMinutes(2);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH",
      description = "files, folders (read recursively) or @LIST files (one path per line)")
  List<String> paths;

  @Mixin DataFolder data;

  @Mixin DigitizingOptions digitizing;

  @Mixin BrokerOptions broker;

  @Option(names = "--json", description = "print the summary as JSON on standard output")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Inputs inputs = InputCollector.collect(paths);
    DigitizeOptions options = digitizing.options();
    Clock clock = Clock.systemDefaultZone();
    String jobId = JobNames.next(clock);
    inputs.passedOver().forEach(p -> err.println("passed over: " + p));
    BatchSummary summary;
    Optional<Sealing> sealing = digitizing.sealing(data, err, clock);
    try (StopSignal stop = StopSignal.install("digitize", GRACE);
        BrokerOptions.Events events = broker.events(clock);
        Sohoa sohoa = data.open(clock)) {
      Digitiser digitiser = sohoa.digitiser(options, sealing);
      ProgressReporter reporter = new ProgressReporter(err, data.environment().terminal(), clock,
          data.environment().operatorLanguage());
      PipelineListener progress = reporter;
      if (events.broker().isPresent()) {
        progress = new Announcer(digitiser, events.sink()).announcing(reporter);
      }
      summary = new BatchRunner(digitiser, progress).run(jobId, inputs, stop::requested);
      reporter.report(sohoa.reports().write(jobId));
      if (json) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(new String(SummaryJson.bytes(summary), StandardCharsets.UTF_8));
        out.flush();
      }
      if (summary.interrupted()) {
        return stop.exitCode();
      }
    }
    return summary.failed() > 0 ? ExitStatus.SOME_FAILED.code() : ExitStatus.OK.code();
  }
}
