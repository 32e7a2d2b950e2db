package sohoa.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sohoa.core.error.ConfigurationError;
import sohoa.sign.pki.DevelopmentPki;
import sohoa.sign.pki.PkiLayout;
import sohoa.sign.service.PkiService;

/** {@code sohoa pki init|serve}: a development PKI, to demonstrate and test signing offline. */
@Command(name = "pki", mixinStandardHelpOptions = true,
    description = "Makes and serves a local, untrusted development PKI.",
    subcommands = {PkiCommand.Init.class, PkiCommand.Serve.class})
final class PkiCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "init", mixinStandardHelpOptions = true,
      description = "Creates a development PKI in DIR: CAs, an officer, an "
          + "agency seal, TSA and OCSP certificates, CRLs. Its signatures are UNTRUSTED.")
  static final class Init implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "a folder that holds no PKI yet")
    Path dir;

    @Option(names = "--port", defaultValue = "8765",
        description = "the loopback port its certificates name for OCSP and CRLs (default 8765)")
    int port;

    @Override
    public Integer call() throws Exception {
      PkiLayout layout = new PkiLayout(dir);
      DevelopmentPki.create(layout, port, Clock.systemUTC());
      PrintWriter out = spec.commandLine().getOut();
      out.printf("development PKI in %s (UNTRUSTED: for demonstrations and tests only)%n", dir);
      out.printf("  trust anchor   %s%n", layout.rootCertificate());
      out.printf("  identities     officer.p12 (RSA), agency.p12 (ECDSA P-256)%n");
      out.printf("  password       in %s%n", layout.passwordFile());
      out.printf("  services       sohoa pki serve %s  (http://127.0.0.1:%d/tsa, /ocsp, /crl)%n",
          dir, port);
      return 0;
    }
  }

  @Command(name = "serve", mixinStandardHelpOptions = true,
      description = "Serves the PKI in DIR on loopback: RFC 3161 "
          + "timestamps at /tsa, OCSP at /ocsp, CRLs at /crl/. Runs until stopped (Ctrl-C).")
  static final class Serve implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "a folder 'sohoa pki init' made")
    Path dir;

    @Override
    public Integer call() throws Exception {
      PkiLayout layout = new PkiLayout(dir);
      if (!Files.isRegularFile(layout.passwordFile())) {
        throw new ConfigurationError("there is no development PKI in " + dir,
            "make one with 'sohoa pki init " + dir + "'");
      }
      // A development PKI keeps its password beside its keys: it protects nothing real.
      char[] password = Files.readString(layout.passwordFile()).strip().toCharArray();
      try (PkiService service = PkiService.start(layout, password, Clock.systemUTC())) {
        spec.commandLine().getOut().printf("serving the development PKI of %s at %s%n", dir,
            service.base());
        spec.commandLine().getOut().flush();
        new CountDownLatch(1).await();
      }
      return 0;
    }
  }
}
