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
import sohoa.app.Sohoa;
import sohoa.core.error.ConfigurationError;
import sohoa.core.error.ExitStatus;
import sohoa.pipeline.Digitiser;
import sohoa.pipeline.Workspace;
import sohoa.pipeline.intake.Arrival;
import sohoa.pipeline.intake.Arrivals;
import sohoa.pipeline.intake.BucketWatcher;
import sohoa.pipeline.intake.FolderWatcher;
import sohoa.pipeline.intake.Look;
import sohoa.pipeline.intake.Watcher;
import sohoa.pipeline.queue.Broker;
import sohoa.pipeline.queue.BrokerAddress;
import sohoa.pipeline.queue.Enqueuer;
import sohoa.store.s3.Backoff;
import sohoa.store.s3.S3Inbox;
import sohoa.store.s3.S3Location;

/** {@code sohoa watch}: streaming intake from a folder scanners drop files into. */
@Command(name = "watch",
    mixinStandardHelpOptions = true,
    versionProvider = SohoaCommand.Version.class,
    description = {
      "Watches a folder: each file dropped in is taken once completely written (unchanged for"
          + " --settle seconds; names ending .part or .tmp and hidden files are left until renamed),"
          + " then digitised here, or enqueued for the workers when a broker is configured.",
      "Taken files move to DIR/done/, rejected ones to DIR/quarantine/ beside their reason; a"
          + " file the store or broker could not take stays and is tried again. A bucket prefix"
          + " works the same way (S3 shows an object only once it is whole: no --settle)."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:stopped", "2:usage or configuration error"})
final class WatchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "DIR|S3-URI",
      description = "the folder to watch, or a bucket prefix: "
          + "s3://bucket/inbox?endpoint=https://minio.example:9000 (the store's keys)")
  String source;

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
    boolean bucket = source.startsWith("s3://");
    Path folder = bucket ? null : Path.of(source);
    if (!bucket && !Files.isDirectory(folder)) {
      throw new ConfigurationError("there is no folder " + source + " to watch",
          "create it, or point sohoa watch at the scanner's output folder");
    }
    if (settle < 0) {
      throw new ConfigurationError("--settle cannot be negative", "pass 2, or 0 for files that"
          + " arrive by rename");
    }
    Clock clock = Clock.systemDefaultZone();
    String jobId = JobNames.of(job != null ? job : "watch-" + (bucket
        ? DataFolder.s3Location(source).bucket()
        : folder.toAbsolutePath().normalize().getFileName()), clock);
    Optional<BrokerAddress> address = broker.address();
    try (Sohoa sohoa = data.open(clock)) {
      Workspace workspace = sohoa.workspace();
      if (address.isPresent()) {
        try (Broker connected = Broker.connect(address.get(), clock)) {
          Enqueuer enqueuer = sohoa.enqueuer(connected);
          sohoa.catalog().jobs().enlist(jobId, clock.instant());
          err.println("watching " + source + " for job " + jobId + ", enqueuing to "
              + connected);
          return watch(watcher(Arrivals.enqueuing(enqueuer, jobId), workspace, clock), err);
        }
      }
      Digitiser digitiser = sohoa.digitiser(digitizing.options(),
          digitizing.sealing(data, err, clock));
      err.println("watching " + source + " for job " + jobId + ", digitising here");
      return watch(watcher(Arrivals.digitising(digitiser, jobId,
          new ProgressReporter(err, false, clock,
          data.environment().operatorLanguage())), workspace, clock), err);
    }
  }

  private Watcher watcher(Arrival arrival, Workspace workspace, Clock clock) throws Exception {
    if (source.startsWith("s3://")) {
      S3Location location = DataFolder.s3Location(source);
      return new BucketWatcher(S3Inbox.open(location, data.s3Credentials(source),
          Backoff.DEFAULT), workspace.work(), arrival, clock);
    }
    return new FolderWatcher(Path.of(source), Duration.ofSeconds(settle), arrival, clock);
  }

  private int watch(Watcher watcher, PrintWriter err) throws Exception {
    err.flush();
    try (StopSignal stop = StopSignal.install("watch", Duration.ofMinutes(5))) {
      int looks = 0;
      do {
        Look look = watcher.look();
        look.taken().forEach(p -> err.println("taken   " + p));
        look.quarantined().forEach(p -> err.println("QUARANTINED " + p + " (reason in "
            + p + ".error.txt)"));
        look.retried().forEach(r -> err.println("warning: " + r));
        err.flush();
        looks++;
      } while (!(once && looks > 1)
          && !stop.await(Duration.ofMillis(once ? settle * 1000L + 100 : 1000)));
      return stop.requested() ? stop.exitCode() : ExitStatus.OK.code();
    }
  }
}
