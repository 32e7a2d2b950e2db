package sohoa.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sohoa.catalog.Catalog;
import sohoa.core.error.ConfigurationError;
import sohoa.core.error.ExitStatus;
import sohoa.pipeline.Sohoa;
import sohoa.pipeline.Workspace;
import sohoa.pipeline.intake.Arrival;
import sohoa.pipeline.intake.Arrivals;
import sohoa.pipeline.intake.FolderWatcher;
import sohoa.pipeline.queue.Broker;
import sohoa.pipeline.queue.BrokerAddress;
import sohoa.pipeline.queue.Enqueuer;

/** {@code sohoa watch}: streaming intake from a folder scanners drop files into. */
@Command(name = "watch",
    mixinStandardHelpOptions = true,
    versionProvider = SohoaCommand.Version.class,
    description = {
      "Watches a folder: each file dropped in is taken once completely written (unchanged for"
          + " --settle seconds; names ending .part or .tmp and hidden files are left until renamed),"
          + " then digitised here, or enqueued for the workers when a broker is configured.",
      "Taken files move to DIR/done/, rejected ones to DIR/quarantine/ beside their reason; a"
          + " file the store or broker could not take stays and is tried again."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:stopped", "2:usage or configuration error"})
final class WatchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "the folder to watch")
  Path folder;

  @Option(names = "--job", paramLabel = "NAME",
      description = "the job the arrivals are recorded in (default: watch-FOLDER)")
  String job;

  @Option(names = "--settle", paramLabel = "SECONDS", defaultValue = "2",
      description = "how long a file must stay unchanged before it is taken (default: "
          + "${DEFAULT-VALUE})")
  int settle;

  @Option(names = "--once",
      description = "take what has settled, then stop (for a scheduled run), instead of watching")
  boolean once;

  @Mixin DataFolder data;

  @Mixin DigitizingOptions digitizing;

  @Mixin BrokerOptions broker;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isDirectory(folder)) {
      throw new ConfigurationError("there is no folder " + folder + " to watch",
          "create it, or point sohoa watch at the scanner's output folder");
    }
    if (settle < 0) {
      throw new ConfigurationError("--settle cannot be negative", "pass 2, or 0 for files that"
          + " arrive by rename");
    }
    Clock clock = Clock.systemDefaultZone();
    String jobId = JobNames.of(job != null ? job
        : "watch-" + folder.toAbsolutePath().normalize().getFileName(), clock);
    Workspace workspace = Workspace.create(data.path);
    Optional<BrokerAddress> address = broker.address();
    if (address.isPresent()) {
      try (Catalog catalog = data.catalogAddress().open();
          Broker connected = Broker.connect(address.get(), clock)) {
        Enqueuer enqueuer = new Enqueuer(data.openStore(err), catalog, connected, clock);
        catalog.enlistJob(jobId, clock.instant());
        err.println("watching " + folder + " for job " + jobId + ", enqueuing to " + connected);
        return watch(Arrivals.enqueuing(enqueuer, jobId), clock, err);
      }
    }
    try (Sohoa sohoa = Sohoa.open(workspace, digitizing.options(),
        digitizing.sealing(data, err, clock), data.deployment(), clock)) {
      err.println("watching " + folder + " for job " + jobId + ", digitising here");
      return watch(Arrivals.digitising(sohoa, jobId, new ProgressReporter(err, false, clock)),
          clock, err);
    }
  }

  private int watch(Arrival arrival, Clock clock, PrintWriter err) throws Exception {
    err.flush();
    FolderWatcher watcher = new FolderWatcher(folder, Duration.ofSeconds(settle), arrival, clock);
    try (StopSignal stop = StopSignal.install("watch", Duration.ofMinutes(5))) {
      int looks = 0;
      do {
        FolderWatcher.Look look = watcher.look();
        look.taken().forEach(p -> err.println("taken   " + p));
        look.quarantined().forEach(p -> err.println("QUARANTINED " + p + " (reason in "
            + p.getFileName() + ".error.txt)"));
        look.retried().forEach(r -> err.println("warning: " + r));
        err.flush();
        looks++;
      } while (!(once && looks > 1)
          && !stop.await(Duration.ofMillis(once ? settle * 1000L + 100 : 1000)));
    }
    return ExitStatus.OK.code();
  }
}
