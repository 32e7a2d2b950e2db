package sohoa.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import sohoa.core.error.ConfigurationError;
import sohoa.sign.identity.PemCertificates;
import sohoa.sign.identity.Pkcs12Identities;
import sohoa.sign.identity.SigningIdentity;
import sohoa.sign.pades.TimestampAuthority;
import sohoa.sign.pki.DevelopmentPki;
import sohoa.sign.pki.PkiLayout;
import sohoa.sign.service.PkiService;

/**
 * sohoa's development PKI in {@code DATA/pki}, for the embedded default: made on first use, and
 * its TSA, OCSP and CRL service started inside this process for as long as it runs when nothing
 * answers at its port ('sohoa pki serve DATA/pki' may; another program there is refused).
 * UNTRUSTED: for trying sohoa out.
 */
final class DevelopmentIdentities implements AutoCloseable {
  /** The loopback port a new development PKI's certificates point their OCSP and CRLs at. */
  static final int PORT = 8765;
  private static final Duration PROBE = Duration.ofSeconds(2);

  private final PkiLayout layout;
  private final char[] password;
  private final Clock clock;
  private PkiService service;

  private DevelopmentIdentities(PkiLayout layout, char[] password, Clock clock) {
    this.layout = layout;
    this.password = password;
    this.clock = clock;
  }

  /** The development PKI of the data folder {@code data}, made now if it is not there. */
  static DevelopmentIdentities in(Path data, Clock clock, PrintWriter err) throws Exception {
    PkiLayout layout = new PkiLayout(data.resolve("pki"));
    if (!Files.exists(layout.rootCertificate())) {
      DevelopmentPki.create(layout, PORT, clock);
    }
    err.println("signing with sohoa's development identity in " + layout.dir() + ": UNTRUSTED,"
        + " for trying sohoa out; give the agency's (and the officer's) own keystore");
    // A development PKI keeps its password beside its keys: it protects nothing real.
    return new DevelopmentIdentities(layout,
        Files.readString(layout.passwordFile()).strip().toCharArray(), clock);
  }

  /** officer or agency. */
  SigningIdentity identity(String name) throws ConfigurationError {
    return Pkcs12Identities.load(layout.keystore(name), password, Optional.empty());
  }

  List<X509Certificate> trustAnchors() throws ConfigurationError {
    return PemCertificates.read(layout.rootCertificate());
  }

  /**
   * The development TSA, answering: started here unless this PKI's service answers at its port
   * already ('sohoa pki serve', or another sohoa using the same data folder).
   *
   * @throws ConfigurationError when another program holds the port: it would be asked for
   *     timestamps and answer nonsense
   */
  TimestampAuthority timestampAuthority()
      throws IOException, GeneralSecurityException, ConfigurationError {
    int port = Integer.parseInt(Files.readString(layout.portFile()).strip());
    if (service == null) {
      switch (atPort(port)) {
        case NOBODY -> service = PkiService.start(layout, password, clock);
        case ANOTHER_PROGRAM -> throw new ConfigurationError("port " + port + ", where the"
            + " development PKI in " + layout.dir() + " has its timestamp authority, is held by"
            + " another program", "stop that program, or make a development PKI on a free port:"
            + " 'sohoa pki init FOLDER --port PORT'");
        case THIS_PKI -> { }
      }
    }
    return TimestampAuthority.at(URI.create("http://127.0.0.1:" + port + "/tsa"));
  }

  /** Who listens at a development PKI's port. */
  private enum Listener { NOBODY, THIS_PKI, ANOTHER_PROGRAM }

  /**
   * Asks {@code port} for this PKI's root certificate, as its service hands it out: nobody
   * answering, the certificate, or anything else (another program's page, an error, silence).
   */
  private Listener atPort(int port) throws ConfigurationError {
    byte[] root;
    try {
      root = trustAnchors().get(0).getEncoded();
    } catch (CertificateEncodingException e) {
      throw new ConfigurationError("the development PKI's root certificate in " + layout.dir()
          + " cannot be read: " + e.getMessage(), "make it again with 'sohoa pki init'", e);
    }
    try {
      HttpResponse<byte[]> answer = HttpClient.newBuilder().connectTimeout(PROBE).build()
          .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
              + "/ca/root-ca.cer")).timeout(PROBE).build(), BodyHandlers.ofByteArray());
      return answer.statusCode() == 200 && Arrays.equals(root, answer.body())
          ? Listener.THIS_PKI : Listener.ANOTHER_PROGRAM;
    } catch (ConnectException e) {
      return Listener.NOBODY;
    } catch (IOException e) {
      return Listener.ANOTHER_PROGRAM;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConfigurationError("interrupted while asking port " + port + " for the"
          + " development PKI's service", "run the command again", e);
    }
  }

  @Override
  public void close() {
    if (service != null) {
      service.close();
    }
  }
}
