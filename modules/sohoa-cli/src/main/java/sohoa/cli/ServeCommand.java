package sohoa.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sohoa.app.Sohoa;
import sohoa.certify.CertificationService;
import sohoa.console.ConsoleServices;
import sohoa.core.error.ConfigurationError;
import sohoa.core.error.SohoaException;
import sohoa.pipeline.DigitizeOptions;
import sohoa.pipeline.Digitiser;
import sohoa.pipeline.audit.AuditAnchor;
import sohoa.server.Backend;
import sohoa.server.ServerSettings;
import sohoa.server.SohoaServer;
import sohoa.sign.pades.SignatureLevel;

/** {@code sohoa serve}: the HTTP API and the certified copies' verification page. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    versionProvider = SohoaCommand.Version.class,
    description = {"Serves the HTTP API (/api/v1, bearer keys from 'sohoa keys create') and the "
        + "public verification page of certified copies (/verify/<copy-id>) and the officer "
        + "console (/console, accounts from 'sohoa officers add') over the store and catalog, "
        + "embedded or shared; scans posted to /api/v1/documents are digitised here. "
        + "Runs until stopped."})
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

  @Option(names = "--max-queued-uploads", paramLabel = "N", defaultValue = "8",
      description = "scans uploaded and waiting to be digitised, at most; more are answered 503"
          + " with Retry-After (default: 8)")
  int maxQueuedUploads;

  @Option(names = "--certify",
      description = "offer POST /api/v1/copies: issue certified copies with the identities of "
          + "--officer-identity and --agency-identity (or the development ones)")
  boolean certify;

  @Option(names = "--office", paramLabel = "CODE",
      description = "the certification office whose register this deployment numbers copies"
          + " in: recorded in the catalog by the first command that names one (else 'local');"
          + " the API, the console and the CLI then all use it, and naming another is refused")
  String office;

  @Option(names = "--pkcs11", paramLabel = "MODULE",
      description = "the PKCS#11 module of officers' tokens (accounts whose --signing-key is"
          + " pkcs11:<label>), e.g. /usr/lib/softhsm/libsofthsm2.so")
  Path pkcs11;

  @Option(names = "--pkcs11-chain", paramLabel = "PEM",
      description = "the issuing CA certificates of officers' tokens, when the tokens hold only"
          + " the officer's certificate")
  Path pkcs11Chain;

  @Option(names = "--audit-checkpoint-seconds", paramLabel = "N", defaultValue = "3600",
      description = "with --certify, anchor the audit log's head every N seconds with the"
          + " agency's seal, as sohoa audit checkpoint does; 0: never (default: ${DEFAULT-VALUE})")
  int checkpointSeconds;

  @Mixin DataFolder data;

  @Mixin BrokerOptions broker;

  @Mixin CopySigningOptions copySigning;

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535) {
      throw new ConfigurationError("--port must be 0 to 65535, not " + port,
          "give a free port, such as 8080");
    }
    if (maxQueuedUploads < 1) {
      throw new ConfigurationError("--max-queued-uploads must be at least 1, not "
          + maxQueuedUploads, "give how many uploaded scans may wait, such as 8");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Clock clock = Clock.systemDefaultZone();
    try (Sohoa sohoa = data.open(clock);
        CopySigningOptions.Signers signers = certify
            ? copySigning.open(data.path, clock, err) : null;
        BrokerOptions.Events events = broker.events(clock)) {
      Digitiser uploads = sohoa.digitiser(DigitizeOptions.defaults(), Optional.empty());
      Optional<CertificationService> certification = signers == null ? Optional.empty()
          : Optional.of(sohoa.certification(signers.signing(), copySigning.verificationBase(),
              events.sink()));
      try (SohoaServer server = SohoaServer.start(new Backend(sohoa.catalog(), sohoa.store(),
          certification, Optional.of(uploads), sohoa.workspace().work(), events.sink()),
          new ServerSettings(host, port,
          maxUpload, copySigning.signing.trustAnchors(),
          sohoa.catalog().register().office(Optional.ofNullable(office)),
          new ConsoleServices.Tokens(Optional.ofNullable(pkcs11),
              Optional.ofNullable(pkcs11Chain)), maxQueuedUploads, sohoa.officers()))) {
        out.printf("serving %s on http://%s:%d/ (API under /api/v1, verification under"
            + " /verify, officer console under /console)%n", data.storeAddress(), host,
            server.port());
        out.flush();
        ScheduledExecutorService anchoring = Executors.newSingleThreadScheduledExecutor();
        try {
          if (signers != null && checkpointSeconds > 0) {
            AuditAnchor anchor = sohoa.auditAnchor();
            anchoring.scheduleWithFixedDelay(() -> checkpoint(anchor, signers, err),
                checkpointSeconds, checkpointSeconds, TimeUnit.SECONDS);
          }
          new CountDownLatch(1).await();
        } finally {
          anchoring.shutdownNow();
        }
      }
    }
    return 0;
  }

  /** One periodic checkpoint; a failure is reported and the next one tried, not fatal. */
  private static void checkpoint(AuditAnchor anchor, CopySigningOptions.Signers signers,
      PrintWriter err) {
    try {
      AuditAnchor.Checkpoint made = anchor.write(signers.signing().agency(), SignatureLevel.B_LT);
      err.printf("audit log anchored at entry %d (%s)%n", made.seq(), made.key().value());
    } catch (SohoaException e) {
      err.printf("the audit log could not be anchored: %s; %s%n", e.getMessage(), e.remedy());
    }
    err.flush();
  }
}
