package sohoa.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
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
import sohoa.catalog.JobItem;
import sohoa.catalog.JobRecord;
import sohoa.core.document.DocumentId;
import sohoa.core.error.ExitStatus;
import sohoa.core.error.NotFound;

/** {@code sohoa jobs}: the jobs in the catalog and their progress. */
@Command(name = "jobs",
    mixinStandardHelpOptions = true,
    versionProvider = SohoaCommand.Version.class,
    description = "Lists jobs, shows one (its inputs, what became of each, what is pending), or"
        + " writes its report.",
    subcommands = {JobsCommand.ListJobs.class, JobsCommand.ShowJob.class,
      JobsCommand.ReportJob.class})
final class JobsCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code sohoa jobs list}. */
  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "The most recent jobs, newest first.")
  static final class ListJobs implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Mixin DataFolder data;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20",
        description = "how many (default: ${DEFAULT-VALUE})")
    int limit;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      try (Sohoa sohoa = data.openExisting(Clock.systemDefaultZone())) {
        Catalog catalog = sohoa.catalog();
        for (JobRecord job : catalog.jobs().recent(Math.max(1, limit))) {
          out.println(job.id() + "  " + ShownTime.of(job.startedAt()) + "  " + tally(job));
        }
      }
      out.flush();
      return ExitStatus.OK.code();
    }
  }

  /** {@code sohoa jobs show NAME}. */
  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "One job: its tallies and each input's outcome.",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:the job is complete, nothing failed", "1:some inputs failed",
        "2:no such job", "4:the job is still running",
        "5:the job was interrupted; run it again to resume"})
  static final class ShowJob implements Callable<Integer> {
    /** A job with inputs still pending: scripts that wait for a job poll until it is not 4. */
    static final int RUNNING = 4;
    /** A batch stopped by a signal, its pending inputs waiting for the batch to be run again. */
    static final int INTERRUPTED = 5;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "the job")
    String name;

    @Mixin DataFolder data;

    @Option(names = "--json", description = "print it as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      JobRecord job;
      List<JobItem> items;
      try (Sohoa sohoa = data.openExisting(Clock.systemDefaultZone())) {
        Catalog catalog = sohoa.catalog();
        job = catalog.jobs().find(name).orElseThrow(() -> new NotFound("there is no job "
            + name + " in the catalog", "list the jobs with 'sohoa jobs list'"));
        items = catalog.jobs().items(name);
      }
      if (json) {
        out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(asMap(job, items)));
      } else {
        out.println("job " + job.id() + ", started " + ShownTime.of(job.startedAt()) + ": "
            + tally(job));
        for (JobItem item : items) {
          out.println("  " + item.status().name().toLowerCase() + "  " + item.sourcePath()
              + item.documentId().map(id -> " -> " + id).orElse("")
              + item.errorMessage().map(m -> ": " + m).orElse(""));
        }
      }
      out.flush();
      return switch (job.state()) {
        case RUNNING -> RUNNING;
        case INTERRUPTED -> INTERRUPTED;
        case FINISHED -> job.failed() > 0 ? ExitStatus.SOME_FAILED.code() : ExitStatus.OK.code();
      };
    }
  }

  /** {@code sohoa jobs report NAME}. */
  @Command(name = "report", mixinStandardHelpOptions = true,
      description = {"Writes the job's report: one HTML file that opens offline, with each "
          + "document's status, page pictures, per-page OCR confidence, fields, signature and "
          + "errors with the fix to try; pages to review and failures first.",
        "Works for any job in the catalog, batch or queued, finished or running."},
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:written", "2:no such job, or the report cannot be written"})
  static final class ReportJob implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "the job")
    String name;

    @Mixin DataFolder data;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
        description = "where to write it (default: the data folder's jobs/NAME/report.html)")
    Path output;

    @Override
    public Integer call() throws Exception {
      Clock clock = Clock.systemDefaultZone();
      Path file;
      try (Sohoa sohoa = data.openExisting(clock)) {
        file = output != null ? output : sohoa.workspace().jobs()
            .resolve(JobNames.of(name, clock)).resolve("report.html");
        sohoa.reports().write(name, file);
      }
      spec.commandLine().getOut().println(file.toAbsolutePath());
      spec.commandLine().getOut().flush();
      return ExitStatus.OK.code();
    }
  }

  private static String tally(JobRecord job) {
    return job.inputs() + " inputs: " + job.done() + " done, " + job.reused() + " reused, "
        + job.failed() + " failed, " + job.pending() + " pending" + switch (job.state()) {
          case RUNNING -> " (running)";
          case INTERRUPTED -> " (interrupted, Đã dừng: run the same 'sohoa digitize' again to"
              + " resume; what is done is reused)";
          case FINISHED -> "";
        };
  }

  private static Map<String, Object> asMap(JobRecord job, List<JobItem> items) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("job", job.id());
    body.put("state", switch (job.state()) {
      case RUNNING -> "running";
      case INTERRUPTED -> "interrupted";
      case FINISHED -> "complete";
    });
    body.put("startedAt", job.startedAt().toString());
    body.putAll(job.tallies());
    body.put("items", items.stream().map(i -> {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("input", i.sourcePath());
      item.put("status", i.status().name().toLowerCase());
      item.put("id", i.documentId().map(DocumentId::value).orElse(null));
      item.put("error", i.errorCode().orElse(null));
      item.put("reason", i.errorMessage().orElse(null));
      item.put("fix", i.errorRemedy().orElse(null));
      return item;
    }).toList());
    return body;
  }
}
