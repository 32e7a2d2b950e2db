package sohoa.sign;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import sohoa.sign.identity.Pkcs12Identities;
import sohoa.sign.identity.SigningIdentity;
import sohoa.sign.pades.PadesSigner;
import sohoa.sign.pades.TimestampAuthority;
import sohoa.sign.pki.DevelopmentPki;
import sohoa.sign.pki.PkiLayout;
import sohoa.sign.service.PkiService;
import sohoa.testkit.net.FreePorts;

/** A development PKI made in a test's folder, its service started on a free loopback port. */
public final class TestPki implements AutoCloseable {
  private final PkiLayout layout;
  private final char[] password;
  private final PkiService service;
  private final X509Certificate root;

  private TestPki(PkiLayout layout, char[] password, PkiService service, X509Certificate root) {
    this.layout = layout;
    this.password = password;
    this.service = service;
    this.root = root;
  }

  public static TestPki start(Path dir) throws Exception {
    int port = FreePorts.next();
    PkiLayout layout = new PkiLayout(dir);
    DevelopmentPki.create(layout, port, Clock.systemUTC());
    char[] password = Files.readString(layout.passwordFile()).strip().toCharArray();
    PkiService service = PkiService.start(layout, password, Clock.systemUTC());
    X509Certificate root;
    try (InputStream in = Files.newInputStream(layout.rootCertificate())) {
      root = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    return new TestPki(layout, password, service, root);
  }

  public PkiLayout layout() {
    return layout;
  }

  public X509Certificate root() {
    return root;
  }

  public TimestampAuthority tsa() {
    return TimestampAuthority.at(URI.create(service.base() + "tsa"));
  }

  /** officer, agency, revoked-officer, expired-officer, tsa or ocsp. */
  public SigningIdentity identity(String name) throws Exception {
    return Pkcs12Identities.load(layout.keystore(name), password, Optional.empty());
  }

  /** {@code name} signing with this PKI's TSA, chains ending at its root. */
  public PadesSigner signer(String name) throws Exception {
    return new PadesSigner(identity(name), Optional.of(tsa()), List.of(root));
  }

  @Override
  public void close() {
    service.close();
  }
}
