package sohoa.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sohoa.app.Sohoa;
import sohoa.core.error.ConfigurationError;
import sohoa.core.error.ExitStatus;
import sohoa.pipeline.batch.InputCollector;
import sohoa.pipeline.batch.Inputs;
import sohoa.pipeline.intake.Arrivals;
import sohoa.pipeline.intake.BucketWatcher;
import sohoa.pipeline.intake.Look;
import sohoa.pipeline.queue.Broker;
import sohoa.pipeline.queue.Enqueuer;
import sohoa.store.s3.Backoff;
import sohoa.store.s3.S3Inbox;

/** {@code sohoa enqueue}: hands inputs to the workers. */
@Command(name = "enqueue",
    mixinStandardHelpOptions = true,
    versionProvider = SohoaCommand.Version.class,
    description = {
      "Stores each input in the shared store (by content: once, however often it is enqueued),"
          + " records it in the job and publishes one task per input to RabbitMQ for the workers.",
      "Follow the job with 'sohoa jobs show NAME'. Enqueuing the same inputs into the same job"
          + " again is harmless: each input counts once and finished ones are reused."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:every input enqueued", "1:an input, the store or the broker failed "
        + "(those before it are enqueued; run it again)", "2:usage or configuration error"})
final class EnqueueCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "PATH",
      description = "files, folders (read recursively) or @LIST files (one path per line)")
  List<String> paths = List.of();

  @Option(names = "--prefix", paramLabel = "S3-URI",
      description = "also everything waiting under a bucket prefix, "
          + "s3://bucket/inbox?endpoint=https://minio.example:9000 (the store's keys); each object"
          + " enqueued moves to done/ under the prefix")
  String prefix;

  @Option(names = "--job", paramLabel = "NAME",
      description = "the job to add to (default: a new one named from the time)")
  String job;

  @Mixin DataFolder data;

  @Mixin BrokerOptions broker;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    Clock clock = Clock.systemDefaultZone();
    String jobId = JobNames.of(job, clock);
    if (paths.isEmpty() && prefix == null) {
      throw new ConfigurationError("nothing to enqueue", "give files or folders, or --prefix"
          + " s3://bucket/inbox?endpoint=...");
    }
    Inputs inputs = paths.isEmpty() ? new Inputs(List.of(), List.of())
        : InputCollector.collect(paths);
    inputs.passedOver().forEach(p -> err.println("passed over: " + p));
    List<Enqueuer.Input> named = new ArrayList<>();
    for (Path file : inputs.files()) {
      named.add(new Enqueuer.Input(file, file.toString()));
    }
    int enqueued = named.size();
    Look fromBucket = new Look(List.of(), List.of(), List.of());
    try (Sohoa sohoa = data.open(clock);
        Broker connected = broker.connect("enqueue", clock)) {
      Enqueuer enqueuer = sohoa.enqueuer(connected);
      enqueuer.enqueue(jobId, named);
      if (prefix != null) {
        S3Inbox inbox = S3Inbox.open(DataFolder.s3Location(prefix), data.s3Credentials(prefix),
            Backoff.DEFAULT);
        fromBucket = new BucketWatcher(inbox, sohoa.workspace().work(),
            Arrivals.enqueuing(enqueuer, jobId), clock).look();
        enqueued += fromBucket.taken().size();
        fromBucket.retried().forEach(r -> err.println("not enqueued: " + r));
      }
    }
    out.println("enqueued " + enqueued + " input" + (enqueued == 1 ? "" : "s")
        + " into job " + jobId + " (follow it with: sohoa jobs show " + jobId + ")");
    out.flush();
    return fromBucket.retried().isEmpty() ? ExitStatus.OK.code()
        : ExitStatus.SOME_FAILED.code();
  }
}
