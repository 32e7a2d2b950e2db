package sohoa.sign.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.signatures.PdfPKCS7;
import com.itextpdf.signatures.SignatureUtil;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohoa.core.error.ConfigurationError;
import sohoa.sign.TestPki;
import sohoa.sign.identity.Pkcs11Identities.Token;
import sohoa.sign.pades.PadesSigner;
import sohoa.sign.pades.SignatureLevel;
import sohoa.sign.pades.SignatureRequest;
import sohoa.testkit.fixtures.ScanFiles;

/** Signing on a SoftHSM2 token, as on an agency's USB token or HSM. */
class Pkcs11IdentitiesTest {
  private static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
  private static final String PIN = "246810";
  @TempDir static Path dir;
  private static TestPki pki;
  private static SigningIdentity officer;

  @BeforeAll
  static void loadTheOfficersKeyOntoAToken() throws Exception {
    Path conf = Path.of(System.getenv("SOFTHSM2_CONF"));
    Path tokens = conf.resolveSibling("tokens");
    if (Files.exists(tokens)) {
      try (Stream<Path> old = Files.walk(tokens)) {
        old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Files.createDirectories(tokens);
    Files.writeString(conf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n");
    pki = TestPki.start(dir.resolve("pki"));
    officer = pki.identity("officer");

    Path key = dir.resolve("officer.key.pem");
    StringWriter pem = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
      writer.writeObject(new JcaPKCS8Generator(officer.key(), null));
    }
    Files.writeString(key, pem.toString());
    Path certificate = Files.write(dir.resolve("officer.der"), officer.certificate().getEncoded());
    run("softhsm2-util", "--init-token", "--free", "--label", "sohoa-test", "--pin", PIN,
        "--so-pin", "13579111");
    run("softhsm2-util", "--import", key.toString(), "--token", "sohoa-test", "--label",
        "officer", "--id", "01", "--pin", PIN);
    run("pkcs11-tool", "--module", LIBRARY.toString(), "--token-label", "sohoa-test", "--login",
        "--pin", PIN, "--write-object", certificate.toString(), "--type", "cert", "--id", "01",
        "--label", "officer");
  }

  @AfterAll
  static void stop() {
    pki.close();
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes());
    assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + out);
  }

  @Test
  void load_keyOnASoftHsmToken_signsAtBTWithTheKeyStayingOnTheToken() throws Exception {
    SigningIdentity onToken = Pkcs11Identities.load(new Token(LIBRARY, 0, Optional.of("officer"),
        Optional.of(pki.layout().issuingCertificate())), PIN.toCharArray());
    ByteArrayOutputStream signed = new ByteArrayOutputStream();
    Path pdf = dir.resolve("to-trinh.pdf");
    ScanFiles.scannedPdf(List.of(new BufferedImage(850, 1100, BufferedImage.TYPE_BYTE_GRAY)), 100,
        pdf);

    new PadesSigner(onToken, Optional.of(pki.tsa()), List.of()).sign(new ByteArrayInputStream(Files.readAllBytes(pdf)), signed,
        SignatureRequest.at(SignatureLevel.B_T));

    assertTrue(onToken.provider().orElseThrow().startsWith("SunPKCS11-sohoa"));
    assertEquals(officer.certificate(), onToken.certificate());
    assertEquals(2, onToken.chain().size(), "the token's certificate and the issuing CA's");
    try (PdfDocument document = new PdfDocument(new PdfReader(
        new ByteArrayInputStream(signed.toByteArray())))) {
      SignatureUtil signatures = new SignatureUtil(document);
      PdfPKCS7 signature = signatures.readSignatureData(signatures.getSignatureNames().get(0));
      assertTrue(signature.verifySignatureIntegrityAndAuthenticity());
      assertEquals(officer.certificate(), signature.getSigningCertificate());
      assertTrue(signature.verifyTimestampImprint());
    }
  }

  @Test
  void load_wrongPin_isRefusedSayingSo() {
    ConfigurationError e = assertThrows(ConfigurationError.class, () -> Pkcs11Identities.load(
        new Token(LIBRARY, 0, Optional.empty(), Optional.empty()), "000000".toCharArray()));

    assertTrue(e.getMessage().contains("refused the PIN"), e.getMessage());
  }
}
