package sohoa.sign.pki;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevelopmentPkiTest {
  @TempDir Path dir;

  /** The keystores are written by Bouncy Castle; the JDK is what reads them, in sohoa and out. */
  @Test
  void create_keystoresOpenInTheJdkWithTheirWholeChains() throws Exception {
    PkiLayout layout = new PkiLayout(dir);
    DevelopmentPki.create(layout, 28765, Clock.systemUTC());
    char[] password = Files.readString(layout.passwordFile()).strip().toCharArray();

    for (String identity : List.of("officer", "agency", "tsa", "ocsp", "revoked-officer",
        "expired-officer")) {
      KeyStore keystore = open(layout.keystore(identity), password);
      assertEquals(List.of(identity), Collections.list(keystore.aliases()));
      assertInstanceOf(PrivateKey.class, keystore.getKey(identity, password), identity);
      Certificate[] chain = keystore.getCertificateChain(identity);
      assertEquals(3, chain.length, identity);
      assertEquals(certificate(layout.certificate(identity)), chain[0], identity);
      assertEquals("CN=sohoa Development Root CA",
          ((X509Certificate) chain[2]).getSubjectX500Principal().getName().split(",")[0]);
    }
    KeyStore caKeys = open(layout.caKeys(), password);
    assertEquals(Map.of("root-ca", 1, "issuing-ca", 2), Map.of(
        "root-ca", caKeys.getCertificateChain("root-ca").length,
        "issuing-ca", caKeys.getCertificateChain("issuing-ca").length));
    assertArrayEquals(caKeys.getCertificateChain("root-ca")[0].getEncoded(),
        caKeys.getCertificateChain("issuing-ca")[1].getEncoded());
  }

  @Test
  void create_keystoresRefuseAnotherPassword() throws Exception {
    PkiLayout layout = new PkiLayout(dir);
    DevelopmentPki.create(layout, 28765, Clock.systemUTC());

    assertThrows(IOException.class,
        () -> open(layout.keystore("officer"), "doan-sai".toCharArray()));
  }

  private static KeyStore open(Path file, char[] password) throws Exception {
    KeyStore keystore = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      keystore.load(in, password);
    }
    return keystore;
  }

  private static Certificate certificate(Path pem) throws Exception {
    try (InputStream in = Files.newInputStream(pem)) {
      return CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }
}
