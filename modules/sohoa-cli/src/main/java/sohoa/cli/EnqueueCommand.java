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
import sohoa.catalog.Catalog;
import sohoa.core.error.ExitStatus;
import sohoa.pipeline.Workspace;
import sohoa.pipeline.batch.InputCollector;
import sohoa.pipeline.batch.Inputs;
import sohoa.pipeline.queue.Broker;
import sohoa.pipeline.queue.Enqueuer;
import sohoa.store.ObjectStore;

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

  @Parameters(arity = "1..*", paramLabel = "PATH",
      description = "files, folders (read recursively) or @LIST files (one path per line)")
  List<String> paths;

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
    Inputs inputs = InputCollector.collect(paths);
    inputs.passedOver().forEach(p -> err.println("passed over: " + p));
    Workspace.create(data.path);
    List<Enqueuer.Input> named = new ArrayList<>();
    for (Path file : inputs.files()) {
      named.add(new Enqueuer.Input(file, file.toString()));
    }
    try (Catalog catalog = data.catalogAddress().open();
        Broker connected = broker.connect("enqueue", clock)) {
      ObjectStore store = data.openStore(err);
      new Enqueuer(store, catalog, connected, clock).enqueue(jobId, named);
    }
    out.println("enqueued " + named.size() + " input" + (named.size() == 1 ? "" : "s")
        + " into job " + jobId + " (follow it with: sohoa jobs show " + jobId + ")");
    out.flush();
    return ExitStatus.OK.code();
  }
}
