package sohoa.sign.pades;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfStream;
import com.itextpdf.kernel.pdf.canvas.parser.PdfCanvasProcessor;
import com.itextpdf.kernel.pdf.canvas.parser.listener.LocationTextExtractionStrategy;
import com.itextpdf.kernel.pdf.xobject.PdfFormXObject;
import com.itextpdf.signatures.PdfPKCS7;
import com.itextpdf.signatures.SignatureUtil;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sohoa.core.error.SigningFailure;
import sohoa.sign.TestPki;
import sohoa.sign.identity.SigningIdentity;
import sohoa.testkit.fixtures.ScanFiles;
import sohoa.testkit.net.FreePorts;
import sohoa.testkit.pdf.Poppler;

class PadesSignerTest {
  @TempDir static Path dir;
  private static TestPki pki;
  private static byte[] unsigned;

  @BeforeAll
  static void startPki() throws Exception {
    pki = TestPki.start(dir.resolve("pki"));
    unsigned = Files.readAllBytes(ScanFiles.blankScannedPdf(dir.resolve("quyet-dinh.pdf")));
  }

  @AfterAll
  static void stopPki() {
    pki.close();
  }

  private static SigningIdentity identity(String name) throws Exception {
    return pki.identity(name);
  }

  private static PadesSigner signer(String name) throws Exception {
    return pki.signer(name);
  }

  private static byte[] sign(PadesSigner signer, byte[] pdf, SignatureRequest request)
      throws SigningFailure {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    signer.sign(new ByteArrayInputStream(pdf), out, request);
    return out.toByteArray();
  }

  @ParameterizedTest(name = "{0} with the {1} key")
  @CsvSource({"B-B, officer", "B-T, officer", "B-LT, officer", "B-LTA, officer",
      "B-B, agency", "B-T, agency", "B-LT, agency", "B-LTA, agency"})
  void sign_eachLevel_givesAnIntactSignatureWithWhatTheLevelNeeds(String label, String who)
      throws Exception {
    SignatureLevel level = SignatureLevel.of(label);

    byte[] signed = sign(signer(who), unsigned,
        SignatureRequest.at(level).withReason("Phê duyệt").withLocation("Thanh Hóa"));

    try (PdfDocument pdf = new PdfDocument(new PdfReader(new ByteArrayInputStream(signed)))) {
      SignatureUtil signatures = new SignatureUtil(pdf);
      String name = signatures.getSignatureNames().get(0);
      PdfPKCS7 signature = signatures.readSignatureData(name);
      assertTrue(signature.verifySignatureIntegrityAndAuthenticity(), "integrity of " + name);
      assertEquals(identity(who).certificate(), signature.getSigningCertificate());
      assertEquals("Phê duyệt", signature.getReason());
      assertEquals(level.timestamped(), signature.getTimeStampTokenInfo() != null,
          "signature timestamp at " + label);
      if (level.timestamped()) {
        assertTrue(signature.verifyTimestampImprint(), "the timestamp covers the signature");
      }
      PdfDictionary dss = pdf.getCatalog().getPdfObject().getAsDictionary(PdfName.DSS);
      assertEquals(level.compareTo(SignatureLevel.B_LT) >= 0, dss != null, "DSS at " + label);
      if (dss != null) {
        assertNotNull(dss.getAsArray(PdfName.OCSPs), "OCSP responses for the signer at " + label);
        assertNotNull(dss.getAsArray(PdfName.CRLs), "CRLs for the issuing CA at " + label);
      }
      List<String> names = signatures.getSignatureNames();
      boolean documentTimestamp = names.stream().anyMatch(n ->
          PdfName.ETSI_RFC3161.equals(signatures.getSignature(n).getSubFilter()));
      assertEquals(level == SignatureLevel.B_LTA, documentTimestamp, "document timestamp at " + label);
      for (String n : names) {
        assertTrue(signatures.readSignatureData(n).verifySignatureIntegrityAndAuthenticity(), n);
      }
      // B-LT's revocation data is an update after the signature; B-LTA's timestamp covers it.
      assertEquals(level != SignatureLevel.B_LT,
          signatures.signatureCoversWholeDocument(names.get(names.size() - 1)));
    }
    assertPopplerFindsValid(signed, label + "-" + who);
  }

  @Test
  void sign_officerThenAgency_keepsBothSignaturesIntact() throws Exception {
    byte[] once = sign(signer("officer"), unsigned, SignatureRequest.at(SignatureLevel.B_T));

    byte[] twice = sign(signer("agency"), once, SignatureRequest.at(SignatureLevel.B_T));

    try (PdfDocument pdf = new PdfDocument(new PdfReader(new ByteArrayInputStream(twice)))) {
      SignatureUtil signatures = new SignatureUtil(pdf);
      List<String> names = signatures.getSignatureNames();
      assertEquals(2, names.size());
      for (String name : names) {
        assertTrue(signatures.readSignatureData(name).verifySignatureIntegrityAndAuthenticity(),
            name);
      }
      assertFalse(signatures.signatureCoversWholeDocument(names.get(0)),
          "the officer's signature covers the document as the officer signed it");
      assertTrue(signatures.signatureCoversWholeDocument(names.get(1)));
    }
    // Incremental: the officer-signed bytes are the start of the twice-signed file.
    assertEquals(-1, Arrays.mismatch(once, Arrays.copyOf(twice, once.length)));
  }

  @Test
  void extend_signatureAtBT_reachesLtaWithTheSignatureIntact() throws Exception {
    byte[] signed = sign(signer("officer"), unsigned, SignatureRequest.at(SignatureLevel.B_T));
    ByteArrayOutputStream extended = new ByteArrayOutputStream();

    new SignatureExtender(pki.tsa(), List.of(pki.root())).extend(new ByteArrayInputStream(signed), extended);

    try (PdfDocument pdf = new PdfDocument(new PdfReader(
        new ByteArrayInputStream(extended.toByteArray())))) {
      SignatureUtil signatures = new SignatureUtil(pdf);
      List<String> names = signatures.getSignatureNames();
      assertEquals(2, names.size(), "the signature and a document timestamp");
      assertEquals(PdfName.ETSI_RFC3161, signatures.getSignature(names.get(1)).getSubFilter());
      for (String name : names) {
        assertTrue(signatures.readSignatureData(name).verifySignatureIntegrityAndAuthenticity(),
            name);
      }
      assertNotNull(pdf.getCatalog().getPdfObject().getAsDictionary(PdfName.DSS));
      assertTrue(signatures.signatureCoversWholeDocument(names.get(1)));
    }
  }

  @Test
  void sign_visibleBox_showsNameAgencyAndTimeInVietnameseInAnEmbeddedFont() throws Exception {
    VisibleSignature box = VisibleSignature.parse("1:320,60,230,70",
        Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"), Optional.empty());

    byte[] signed = sign(signer("officer"), unsigned,
        SignatureRequest.at(SignatureLevel.B_B).shownIn(box));

    try (PdfDocument pdf = new PdfDocument(new PdfReader(new ByteArrayInputStream(signed)))) {
      SignatureUtil signatures = new SignatureUtil(pdf);
      assertTrue(signatures.readSignatureData(signatures.getSignatureNames().get(0))
          .verifySignatureIntegrityAndAuthenticity());
      PdfDictionary widget = signatures.getSignatureFormFieldDictionary(
          signatures.getSignatureNames().get(0));
      assertEquals(List.of(320f, 60f, 550f, 130f),
          floats(widget.getAsArray(PdfName.Rect).toFloatArray()));
      PdfFormXObject shown = new PdfFormXObject(
          widget.getAsDictionary(PdfName.AP).getAsStream(PdfName.N));
      LocationTextExtractionStrategy text = new LocationTextExtractionStrategy();
      new PdfCanvasProcessor(text).processContent(shown.getPdfObject().getBytes(),
          shown.getResources());
      String read = text.getResultantText();
      assertTrue(read.contains("Ký bởi: Nguyễn Thị Hoa"), read);
      assertTrue(read.contains("Cơ quan: Ủy ban nhân dân tỉnh Thanh Hóa"), read);
      assertTrue(read.matches("(?s).*Thời gian ký: \\d\\d\\.\\d\\d\\.\\d{4} \\d\\d:\\d\\d:\\d\\d \\+07:00.*"),
          read);
      assertTrue(embedsFonts(shown.getPdfObject()), "every font of the appearance is embedded");
    }
  }

  @Test
  void sign_certifying_locksTheDocumentWithDocMdp() throws Exception {
    byte[] signed = sign(signer("agency"), unsigned,
        SignatureRequest.at(SignatureLevel.B_T).certifying());

    try (PdfDocument pdf = new PdfDocument(new PdfReader(new ByteArrayInputStream(signed)))) {
      SignatureUtil signatures = new SignatureUtil(pdf);
      String name = signatures.getSignatureNames().get(0);
      PdfDictionary reference = signatures.getSignatureDictionary(name)
          .getAsArray(PdfName.Reference).getAsDictionary(0);
      assertEquals(PdfName.DocMDP, reference.getAsName(PdfName.TransformMethod));
      assertEquals(1, reference.getAsDictionary(PdfName.TransformParams).getAsNumber(PdfName.P)
          .intValue(), "no changes permitted");
      assertNotNull(pdf.getCatalog().getPdfObject().getAsDictionary(PdfName.Perms)
          .get(PdfName.DocMDP));
      assertTrue(signatures.readSignatureData(name).verifySignatureIntegrityAndAuthenticity());
    }
  }

  /** Whether the form XObject and those it draws use fonts, each with its program embedded. */
  private static boolean embedsFonts(PdfStream form) {
    List<PdfDictionary> fonts = new java.util.ArrayList<>();
    collectFonts(form, fonts);
    return !fonts.isEmpty() && fonts.stream().allMatch(font -> {
      PdfDictionary described = font.containsKey(PdfName.DescendantFonts)
          ? font.getAsArray(PdfName.DescendantFonts).getAsDictionary(0) : font;
      PdfDictionary descriptor = described.getAsDictionary(PdfName.FontDescriptor);
      return descriptor != null && (descriptor.containsKey(PdfName.FontFile2)
          || descriptor.containsKey(PdfName.FontFile3));
    });
  }

  private static void collectFonts(PdfStream form, List<PdfDictionary> fonts) {
    PdfDictionary resources = form.getAsDictionary(PdfName.Resources);
    if (resources == null) {
      return;
    }
    PdfDictionary own = resources.getAsDictionary(PdfName.Font);
    if (own != null) {
      own.keySet().forEach(name -> fonts.add(own.getAsDictionary(name)));
    }
    PdfDictionary xobjects = resources.getAsDictionary(PdfName.XObject);
    if (xobjects != null) {
      for (PdfName name : xobjects.keySet()) {
        PdfStream inner = xobjects.getAsStream(name);
        if (PdfName.Form.equals(inner.getAsName(PdfName.Subtype))) {
          collectFonts(inner, fonts);
        }
      }
    }
  }

  private static List<Float> floats(float[] values) {
    List<Float> list = new java.util.ArrayList<>();
    for (float v : values) {
      list.add(v);
    }
    return list;
  }

  @Test
  void sign_timestampedWithoutATsa_saysATsaIsNeeded() throws Exception {
    PadesSigner noTsa = new PadesSigner(identity("officer"), Optional.empty(),
        List.of(pki.root()));

    SigningFailure e = assertThrows(SigningFailure.class,
        () -> sign(noTsa, unsigned, SignatureRequest.at(SignatureLevel.B_T)));

    assertTrue(e.getMessage().contains("needs a timestamp authority"), e.getMessage());
  }

  @Test
  void sign_tsaNotAnswering_failsSoonNamingIt() throws Exception {
    int closed = FreePorts.next();
    URI away = URI.create("http://127.0.0.1:" + closed + "/tsa");
    PadesSigner signer = new PadesSigner(identity("officer"), Optional.of(new TimestampAuthority(
        away, Optional.empty(), Optional.empty(), Duration.ofSeconds(2), 2)), List.of(pki.root()));
    long started = System.nanoTime();

    SigningFailure e = assertThrows(SigningFailure.class,
        () -> sign(signer, unsigned, SignatureRequest.at(SignatureLevel.B_T)));

    assertTrue(e.getMessage().contains(away.toString()), e.getMessage());
    assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(10));
  }

  /**
   * Poppler's pdfsig, a validator that shares no code with iText, finds every CAdES signature
   * valid. (Debian 12's Poppler cannot check document timestamps: "Unimplemented Feature".)
   */
  private static void assertPopplerFindsValid(byte[] signed, String name)
      throws IOException, InterruptedException {
    Path file = dir.resolve(name + ".pdf");
    Files.write(file, signed);
    String out = Poppler.pdfsig(file);
    String[] blocks = out.split("Signature #");
    int cades = 0;
    for (String block : blocks) {
      if (block.contains("Signature Type: ETSI.CAdES.detached")) {
        cades++;
        assertTrue(block.contains("Signature Validation: Signature is Valid."), out);
      }
    }
    assertEquals(1, cades, out);
  }
}
