package sohoa.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sohoa.catalog.Catalog;
import sohoa.pipeline.Workspace;
import sohoa.server.ServerSettings;
import sohoa.server.SohoaServer;
import sohoa.store.ObjectStore;

/** {@code sohoa serve}: the HTTP API and the certified copies' verification page. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    versionProvider = SohoaCommand.Version.class,
    description = {"Serves the HTTP API (/api/v1, bearer keys from 'sohoa keys create') and the "
        + "public verification page of certified copies (/verify/<copy-id>) over the store and "
        + "catalog, embedded or shared. Runs until stopped."})
final class ServeCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--port", defaultValue = "8080", description = "(default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "address to listen on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE})")
  String host;

  @Option(names = "--max-upload", paramLabel = "BYTES", defaultValue = "268435456",
      description = "the largest request body accepted (default: 256 MiB)")
  long maxUpload;

  @Mixin DataFolder data;

  @Mixin SigningOptions signing;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    ObjectStore store = data.openStore(spec.commandLine().getErr());
    try (Catalog catalog = data.catalogAddress().open();
        SohoaServer server = SohoaServer.start(catalog, store, new ServerSettings(host, port,
            maxUpload, signing.trustAnchors()), Workspace.create(data.path).work())) {
      out.printf("serving %s on http://%s:%d/ (API under /api/v1, verification under /verify)%n",
          data.storeAddress(), host, server.port());
      out.flush();
      new CountDownLatch(1).await();
    }
    return 0;
  }
}
