package sohoa.sign.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.itextpdf.forms.PdfAcroForm;
import com.itextpdf.forms.fields.TextFormFieldBuilder;
import com.itextpdf.io.font.constants.StandardFonts;
import com.itextpdf.kernel.font.PdfFontFactory;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfStream;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfString;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.annot.PdfTextAnnotation;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sohoa.sign.TestPki;
import sohoa.sign.pades.PadesSigner;
import sohoa.sign.pades.SignatureLevel;
import sohoa.sign.pades.SignatureRequest;
import sohoa.testkit.fixtures.ScanFiles;

class PdfSignatureVerifierTest {
  @TempDir static Path dir;
  private static TestPki pki;
  private static TestPki other;
  private static byte[] unsigned;
  private static PdfSignatureVerifier verifier;

  @BeforeAll
  static void start() throws Exception {
    pki = TestPki.start(dir.resolve("pki"));
    other = TestPki.start(dir.resolve("other-pki"));
    unsigned = Files.readAllBytes(ScanFiles.blankScannedPdf(dir.resolve("to-trinh.pdf")));
    verifier = new PdfSignatureVerifier(List.of(pki.root()), true);
  }

  @AfterAll
  static void stop() {
    pki.close();
    other.close();
  }

  private static byte[] sign(PadesSigner signer, SignatureLevel level) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    signer.sign(new ByteArrayInputStream(unsigned), out, SignatureRequest.at(level));
    return out.toByteArray();
  }

  private static VerificationReport verify(byte[] pdf, String name) throws Exception {
    return verifier.verify(Files.write(dir.resolve(name + ".pdf"), pdf));
  }

  private static String problems(VerificationReport report) {
    return report.problem().orElse("") + report.signatures().stream()
        .flatMap(s -> s.problems().stream()).toList();
  }

  /** The same PDF with an incremental update made by {@code change}. */
  private static byte[] updated(byte[] signed, IncrementalUpdate.Change change)
      throws Exception {
    return IncrementalUpdate.appended(signed, change);
  }

  @ParameterizedTest
  @ValueSource(strings = {"B-B", "B-T", "B-LT", "B-LTA"})
  void verify_signatureAtEachLevel_isValidAndReachesThatLevel(String label) throws Exception {
    VerificationReport report = verify(sign(pki.signer("officer"), SignatureLevel.of(label)),
        "level-" + label);

    assertEquals(Verdict.VALID, report.verdict(), problems(report));
    SignatureReport first = report.signatures().get(0);
    assertEquals(Optional.of(label), first.level());
    assertEquals("Nguyễn Thị Hoa", first.signer());
    assertTrue(first.revocation().startsWith("good"), first.revocation());
  }

  @Test
  void verify_byteChangedInsideTheSignedRange_isInvalid() throws Exception {
    byte[] signed = sign(pki.signer("officer"), SignatureLevel.B_T);
    // A byte of the scan's JPEG data, past its start-of-scan marker: the file still parses.
    int at = indexOf(signed, new byte[] {(byte) 0xFF, (byte) 0xDA}) + 100;
    signed[at] = (byte) (signed[at] ^ 0x20);

    VerificationReport report = verify(signed, "byte-changed");

    assertEquals(Verdict.INVALID, report.verdict());
    assertTrue(problems(report).contains("do not match"), problems(report));
  }

  @Test
  void verify_pageContentChangedInALaterUpdate_isInvalid() throws Exception {
    byte[] changed = updated(sign(pki.signer("officer"), SignatureLevel.B_T),
        pdf -> new PdfCanvas(pdf.getPage(1)).rectangle(100, 100, 200, 50).fill());

    VerificationReport report = verify(changed, "content-changed");

    assertEquals(Verdict.INVALID, report.verdict());
    assertTrue(problems(report).contains("the content of page 1 changed"), problems(report));
  }

  @Test
  void verify_pageAppendedAfterSigning_isInvalid() throws Exception {
    byte[] appended = updated(sign(pki.signer("officer"), SignatureLevel.B_T),
        pdf -> pdf.addNewPage());

    VerificationReport report = verify(appended, "page-appended");

    assertEquals(Verdict.INVALID, report.verdict());
    assertTrue(problems(report).contains("had 1 page(s) when signed and has 2 now"),
        problems(report));
  }

  /**
   * A printed page with an empty text field in its blank part, as a form an officer fills in
   * after signing.
   */
  private static byte[] form() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PdfDocument pdf = new PdfDocument(new PdfWriter(out))) {
      new PdfCanvas(pdf.addNewPage()).beginText().setFontAndSize(
          PdfFontFactory.createFont(StandardFonts.HELVETICA), 12).moveText(100, 750)
          .showText("Nguoi nhan:").endText();
      PdfAcroForm.getAcroForm(pdf, true).addField(new TextFormFieldBuilder(pdf, "nguoi_nhan")
          .setWidgetRectangle(new Rectangle(100, 700, 200, 20)).setPage(1).createText());
    }
    return out.toByteArray();
  }

  private static byte[] signedForm(SignatureRequest request) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    pki.signer("officer").sign(new ByteArrayInputStream(form()), out, request);
    return updated(out.toByteArray(), pdf -> PdfAcroForm.getAcroForm(pdf, false)
        .getField("nguoi_nhan").setValue("Tran Van Binh"));
  }

  @Test
  void verify_formFieldFilledInAfterSigning_isValidAndListedAsAllowed() throws Exception {
    VerificationReport report = verify(signedForm(SignatureRequest.at(SignatureLevel.B_T)),
        "form-filled");

    assertEquals(Verdict.VALID, report.verdict(), problems(report));
    assertTrue(report.signatures().get(0).changes()
        .contains("allowed: form field 'nguoi_nhan' was filled in"),
        report.signatures().get(0).changes().toString());
  }

  @Test
  void verify_formFieldFilledInOnADocumentCertifiedAsNoChanges_isInvalid() throws Exception {
    VerificationReport report = verify(
        signedForm(SignatureRequest.at(SignatureLevel.B_T).certifying()), "certified-filled");

    assertEquals(Verdict.INVALID, report.verdict());
    assertTrue(problems(report).contains("form field 'nguoi_nhan' was filled in on a document"
        + " certified as allowing no changes"), problems(report));
  }

  @Test
  void verify_annotationAddedOverTheContent_isInvalid() throws Exception {
    byte[] annotated = updated(sign(pki.signer("officer"), SignatureLevel.B_T),
        pdf -> pdf.getPage(1).addAnnotation(new PdfTextAnnotation(new Rectangle(100, 100, 20, 20))
            .setContents(new PdfString("Đã duyệt"))));

    VerificationReport report = verify(annotated, "annotated");

    assertEquals(Verdict.INVALID, report.verdict());
    assertTrue(problems(report).contains("Text annotation was added on page 1"), problems(report));
  }

  /** A page under XMP metadata that names it, signed by the officer. */
  private static byte[] signedWithXmp() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PdfDocument pdf = new PdfDocument(new PdfWriter(out))) {
      pdf.addNewPage();
      PdfStream xmp = new PdfStream(xmp("Quyet dinh 125/QD-UBND", "2026-01-05").getBytes(
          StandardCharsets.UTF_8));
      xmp.put(PdfName.Type, PdfName.Metadata);
      xmp.put(PdfName.Subtype, PdfName.XML);
      pdf.getCatalog().put(PdfName.Metadata, xmp.makeIndirect(pdf));
    }
    ByteArrayOutputStream signed = new ByteArrayOutputStream();
    pki.signer("officer").sign(new ByteArrayInputStream(out.toByteArray()), signed,
        SignatureRequest.at(SignatureLevel.B_B));
    return signed.toByteArray();
  }

  private static String xmp(String title, String modified) {
    return "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/"
        + "02/22-rdf-syntax-ns#\"><rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
        + " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"><dc:title><rdf:Alt><rdf:li xml:lang="
        + "\"x-default\">" + title + "</rdf:li></rdf:Alt></dc:title><xmp:ModifyDate>" + modified
        + "</xmp:ModifyDate></rdf:Description></rdf:RDF></x:xmpmeta>";
  }

  /** {@code signed} with its XMP overwritten in an update (iText would write its own copy). */
  private static byte[] withXmp(byte[] signed, String title, String modified) throws Exception {
    int number;
    try (PdfDocument pdf = new PdfDocument(new PdfReader(new ByteArrayInputStream(signed)))) {
      number = pdf.getCatalog().getPdfObject().getAsStream(PdfName.Metadata)
          .getIndirectReference().getObjNumber();
    }
    String xml = xmp(title, modified);
    return RawUpdate.append(signed, java.util.Map.of(number, "<< /Type /Metadata /Subtype /XML"
        + " /Length " + xml.getBytes(StandardCharsets.UTF_8).length + " >>\nstream\n" + xml
        + "\nendstream"), -1);
  }

  @Test
  void verify_xmpDatesUpdatedAfterSigning_isAllowed_butTheTitleChanged_isInvalid()
      throws Exception {
    byte[] signed = signedWithXmp();

    VerificationReport dated = verify(withXmp(signed, "Quyet dinh 125/QD-UBND", "2026-02-01"),
        "xmp-dated");
    VerificationReport retitled = verify(withXmp(signed, "Quyet dinh 126/QD-UBND",
        "2026-01-05"), "xmp-retitled");

    assertEquals(Verdict.VALID, dated.verdict(), problems(dated));
    assertTrue(dated.signatures().get(0).changes().contains(
        "allowed: the XMP metadata was updated (dates, producer, extensions)"),
        dated.signatures().get(0).changes().toString());
    assertEquals(Verdict.INVALID, retitled.verdict());
    assertTrue(problems(retitled).contains("dc:title in its XMP metadata changed"),
        problems(retitled));
  }

  @Test
  void verify_revokedCertificate_isInvalid() throws Exception {
    VerificationReport report = verify(sign(pki.signer("revoked-officer"), SignatureLevel.B_T),
        "revoked");

    assertEquals(Verdict.INVALID, report.verdict());
    assertTrue(problems(report).contains("certificate was revoked"), problems(report));
  }

  @Test
  void verify_certificateExpiredBeforeSigning_isInvalid() throws Exception {
    VerificationReport report = verify(sign(pki.signer("expired-officer"), SignatureLevel.B_T),
        "expired");

    assertEquals(Verdict.INVALID, report.verdict());
    assertTrue(problems(report).contains("had expired at the signing time"), problems(report));
  }

  @Test
  void verify_rootNotTrusted_isIndeterminate() throws Exception {
    VerificationReport report = new PdfSignatureVerifier(List.of(other.root()), true).verify(
        Files.write(dir.resolve("other-root.pdf"), sign(pki.signer("officer"), SignatureLevel.B_B)));

    assertEquals(Verdict.INDETERMINATE, report.verdict());
    assertTrue(problems(report).contains("not a trust anchor")
        || problems(report).contains("does not lead to a trust anchor"), problems(report));
  }

  @Test
  void verify_timestampFromAnUntrustedAuthority_isIndeterminate() throws Exception {
    PadesSigner foreignTsa = new PadesSigner(pki.identity("officer"), Optional.of(other.tsa()),
        List.of(pki.root()));

    VerificationReport report = verify(sign(foreignTsa, SignatureLevel.B_T), "foreign-tsa");

    assertEquals(Verdict.INDETERMINATE, report.verdict());
    assertTrue(problems(report).contains("timestamp authority"), problems(report));
  }

  @Test
  void verify_truncatedFile_isInvalidSayingItIsDamaged() throws Exception {
    byte[] signed = sign(pki.signer("officer"), SignatureLevel.B_T);

    VerificationReport report = verify(Arrays.copyOf(signed, signed.length / 2), "truncated");

    assertEquals(Verdict.INVALID, report.verdict());
    assertTrue(report.problem().isPresent() || problems(report).contains("do not match")
        || problems(report).contains("byte range"), problems(report));
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalArgumentException("not found");
  }
}
