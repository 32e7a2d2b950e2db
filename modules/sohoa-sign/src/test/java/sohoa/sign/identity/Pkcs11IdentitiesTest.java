package sohoa.sign.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.signatures.PdfPKCS7;
import com.itextpdf.signatures.SignatureUtil;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sohoa.core.error.ConfigurationError;
import sohoa.sign.TestPki;
import sohoa.sign.identity.Pkcs11Identities.Slot.ByIndex;
import sohoa.sign.identity.Pkcs11Identities.Slot.ByLabel;
import sohoa.sign.identity.Pkcs11Identities.Token;
import sohoa.sign.pades.PadesSigner;
import sohoa.sign.pades.SignatureLevel;
import sohoa.sign.pades.SignatureRequest;
import sohoa.sign.verify.PdfSignatureVerifier;
import sohoa.sign.verify.Verdict;
import sohoa.sign.verify.VerificationReport;
import sohoa.testkit.fixtures.ScanFiles;
import sohoa.testkit.token.SoftHsmToken;

/** Signing on a SoftHSM2 token, as on an agency's USB token or HSM. */
class Pkcs11IdentitiesTest {
  private static final Path LIBRARY = SoftHsmToken.MODULE;
  private static final String PIN = "246810";
  @TempDir static Path dir;
  private static TestPki pki;
  private static SigningIdentity officer;

  @BeforeAll
  static void loadTheOfficersKeyOntoAToken() throws Exception {
    pki = TestPki.start(dir.resolve("pki"));
    officer = pki.identity("officer");
    SoftHsmToken.create("sohoa-test", PIN, officer.key(), officer.certificate(), "officer");
    SigningIdentity agency = pki.identity("agency");
    SoftHsmToken.add("con-dau-so", PIN, agency.key(), agency.certificate(), "agency");
  }

  @AfterAll
  static void stop() {
    pki.close();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"B-B", "B-T", "B-LT", "B-LTA"})
  void load_keyOnASoftHsmToken_signsAtEachLevelWithTheKeyStayingOnTheToken(String level)
      throws Exception {
    SigningIdentity onToken = Pkcs11Identities.load(new Token(LIBRARY, new ByLabel("sohoa-test"), Optional.of("officer"),
        Optional.of(pki.layout().issuingCertificate())), PIN.toCharArray());
    ByteArrayOutputStream signed = new ByteArrayOutputStream();
    Path pdf = ScanFiles.blankScannedPdf(dir.resolve("to-trinh.pdf"));

    new PadesSigner(onToken, Optional.of(pki.tsa()), List.of()).sign(new ByteArrayInputStream(Files.readAllBytes(pdf)), signed,
        SignatureRequest.at(SignatureLevel.of(level)));

    assertTrue(onToken.provider().orElseThrow().getName().startsWith("SunPKCS11-sohoa"));
    assertEquals(officer.certificate(), onToken.certificate());
    assertEquals(2, onToken.chain().size(), "the token's certificate and the issuing CA's");
    try (PdfDocument document = new PdfDocument(new PdfReader(
        new ByteArrayInputStream(signed.toByteArray())))) {
      SignatureUtil signatures = new SignatureUtil(document);
      PdfPKCS7 signature = signatures.readSignatureData(signatures.getSignatureNames().get(0));
      assertTrue(signature.verifySignatureIntegrityAndAuthenticity());
      assertEquals(officer.certificate(), signature.getSigningCertificate());
      assertEquals(!level.equals("B-B"), signature.getTimeStampTokenInfo() != null);
    }
    VerificationReport report = new PdfSignatureVerifier(List.of(pki.root()), true).verify(
        Files.write(dir.resolve("token-" + level + ".pdf"), signed.toByteArray()));
    assertEquals(Verdict.VALID, report.verdict(), report.toString());
    assertEquals(Optional.of(level), report.signatures().get(0).level());
  }

  @Test
  void load_wrongPin_isRefusedSayingSo() {
    ConfigurationError e = assertThrows(ConfigurationError.class, () -> Pkcs11Identities.load(
        new Token(LIBRARY, new ByIndex(0), Optional.empty(), Optional.empty()),
        "000000".toCharArray()));

    assertTrue(e.getMessage().contains("refused the PIN"), e.getMessage());
  }

  @Test
  void load_byTokenLabel_findsThatTokenAmongSeveral() throws Exception {
    SigningIdentity seal = Pkcs11Identities.load(new Token(LIBRARY, new ByLabel("con-dau-so"),
        Optional.empty(), Optional.empty()), PIN.toCharArray());

    assertEquals(pki.identity("agency").certificate(), seal.certificate());
  }

  @Test
  void load_unknownTokenLabel_namesTheTokensThatArePresent() {
    ConfigurationError e = assertThrows(ConfigurationError.class, () -> Pkcs11Identities.load(
        new Token(LIBRARY, new ByLabel("khong-co"), Optional.empty(), Optional.empty()),
        PIN.toCharArray()));

    assertTrue(e.getMessage().contains("no token labelled 'khong-co'"), e.getMessage());
    assertTrue(e.remedy().contains("con-dau-so") && e.remedy().contains("sohoa-test"),
        e.remedy());
  }
}
