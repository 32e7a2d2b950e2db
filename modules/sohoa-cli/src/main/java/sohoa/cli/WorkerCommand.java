package sohoa.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sohoa.app.Sohoa;
import sohoa.core.error.ConfigurationError;
import sohoa.core.error.ExitStatus;
import sohoa.pipeline.Digitiser;
import sohoa.pipeline.queue.Broker;
import sohoa.pipeline.queue.Worker;
import sohoa.pipeline.queue.WorkerSettings;

/** {@code sohoa worker}: digitises tasks from the broker until stopped. */
@Command(name = "worker",
    mixinStandardHelpOptions = true,
    versionProvider = SohoaCommand.Version.class,
    description = {
      "Takes document tasks from RabbitMQ and digitises them as 'sohoa digitize' does, into the"
          + " shared store and catalog; run any number on any number of machines.",
      "A task is acknowledged only once its results are stored and catalogued; one that cannot"
          + " be done goes to the dead letters with its reason. Stop it with Ctrl-C or SIGTERM:"
          + " documents in hand are finished first (up to --grace), the rest go back to the"
          + " queue."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:stopped", "1:the broker, store or catalog could not be reached",
      "2:usage or configuration error"})
final class WorkerCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin DataFolder data;

  @Mixin DigitizingOptions digitizing;

  @Mixin BrokerOptions broker;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "2",
      description = "documents in hand at once, and the broker's prefetch (default: "
          + "${DEFAULT-VALUE}); OCR threads are --workers")
  int concurrency;

  @Option(names = "--retries", paramLabel = "N", defaultValue = "3",
      description = "further attempts at a task the store, catalog, OCR or signer failed, with "
          + "pauses of 2 s, 8 s, 32 s... (default: ${DEFAULT-VALUE})")
  int retries;

  @Option(names = "--grace", paramLabel = "SECONDS", defaultValue = "60",
      description = "on stop, how long documents in hand may take to finish (default: "
          + "${DEFAULT-VALUE})")
  int grace;

  @Option(names = "--until-idle", paramLabel = "SECONDS",
      description = "stop once the queue has been empty, with nothing in hand, for this long "
          + "(for a campaign's last machine and for benchmarks)")
  Integer untilIdle;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Clock clock = Clock.systemDefaultZone();
    WorkerSettings settings = settings();
    try (StopSignal stop = StopSignal.install("worker", Duration.ofSeconds(grace + 10L));
        Sohoa sohoa = data.open(clock);
        Broker connected = broker.connect("worker", clock)) {
      Digitiser digitiser = sohoa.digitiser(digitizing.options(),
          digitizing.sealing(data, err, clock));
      ProgressReporter progress = new ProgressReporter(err, false, clock,
          data.environment().operatorLanguage());
      Worker worker = Worker.start(digitiser, connected, connected.events(), settings, progress);
      err.println("worker ready: " + concurrency + " at a time from " + connected);
      err.flush();
      while (!stop.await(Duration.ofMillis(500))
          && !(untilIdle != null && worker.idleFor(Duration.ofSeconds(untilIdle)))) {
        // Documents are worked on by the worker's own threads.
      }
      worker.stop(Duration.ofSeconds(grace));
      err.println("worker stopped");
      err.flush();
      return stop.requested() ? stop.exitCode() : ExitStatus.OK.code();
    }
  }

  private WorkerSettings settings() throws ConfigurationError {
    try {
      return new WorkerSettings(concurrency, retries, Duration.ofSeconds(2));
    } catch (IllegalArgumentException e) {
      throw new ConfigurationError(e.getMessage(), "see sohoa worker --help");
    }
  }
}
