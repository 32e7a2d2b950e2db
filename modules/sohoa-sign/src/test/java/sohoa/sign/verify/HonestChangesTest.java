package sohoa.sign.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.itextpdf.forms.PdfAcroForm;
import com.itextpdf.forms.fields.TextFormFieldBuilder;
import com.itextpdf.io.font.constants.StandardFonts;
import com.itextpdf.kernel.font.PdfFontFactory;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfString;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.annot.PdfTextAnnotation;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
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
import sohoa.sign.TestPki;
import sohoa.sign.pades.Certification;
import sohoa.sign.pades.SignatureExtender;
import sohoa.sign.pades.SignatureLevel;
import sohoa.sign.pades.SignatureRequest;
import sohoa.sign.pades.VisibleSignature;

/**
 * Honest documents signed more than once, with the changes PAdES allows between signatures: the
 * revision analysis must raise no false alarm on any of them, and neither must the EU's reference
 * validator (DSS), which checks that the fixtures are what they claim to be.
 */
class HonestChangesTest {
  @TempDir static Path dir;
  private static TestPki pki;
  private static PdfSignatureVerifier verifier;

  @BeforeAll
  static void start() throws Exception {
    pki = TestPki.start(dir.resolve("pki"));
    verifier = new PdfSignatureVerifier(List.of(pki.root()), true);
  }

  @AfterAll
  static void stop() {
    pki.close();
  }

  /** A printed page, with an empty text field in its blank lower half. */
  private static byte[] letter() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PdfDocument pdf = new PdfDocument(new PdfWriter(out))) {
      PdfCanvas canvas = new PdfCanvas(pdf.addNewPage());
      canvas.beginText().setFontAndSize(PdfFontFactory.createFont(StandardFonts.HELVETICA), 14)
          .moveText(72, 760).showText("GIAY XAC NHAN so 18/GXN-UBND").endText();
      PdfAcroForm.getAcroForm(pdf, true).addField(new TextFormFieldBuilder(pdf, "nguoi_nhan")
          .setWidgetRectangle(new Rectangle(72, 300, 250, 20)).setPage(1).createText());
    }
    return out.toByteArray();
  }

  private static byte[] sign(String who, byte[] pdf, SignatureRequest request) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    pki.signer(who).sign(new ByteArrayInputStream(pdf), out, request);
    return out.toByteArray();
  }

  /** Verifies {@code pdf}: VALID, nothing not allowed, and DSS flags no change either. */
  private static VerificationReport assertHonest(byte[] pdf, String name) throws Exception {
    return assertHonest(pdf, name, List.of());
  }

  /**
   * As above, where DSS may say {@code dssWarns}: it warns of any visual difference, a form
   * filled in as DocMDP allows included.
   */
  private static VerificationReport assertHonest(byte[] pdf, String name, List<String> dssWarns)
      throws Exception {
    Path file = Files.write(dir.resolve(name + ".pdf"), pdf);
    VerificationReport report = verifier.verify(file);
    assertEquals(Verdict.VALID, report.verdict(), report.toMap().toString());
    report.signatures().forEach(s -> assertTrue(s.changes().stream()
        .noneMatch(c -> c.startsWith("not allowed")), s.changes().toString()));
    assertEquals(dssWarns, ReferenceOpinion.changesFlagged(file, pki.root()));
    return report;
  }

  @Test
  void verify_officerThenAgencyThenExtendedToLta_isValid() throws Exception {
    byte[] twice = sign("agency", sign("officer", letter(),
        SignatureRequest.at(SignatureLevel.B_T)), SignatureRequest.at(SignatureLevel.B_T));
    ByteArrayOutputStream extended = new ByteArrayOutputStream();
    new SignatureExtender(pki.tsa(), List.of(pki.root())).extend(
        new ByteArrayInputStream(twice), extended);

    VerificationReport report = assertHonest(extended.toByteArray(), "officer-agency-lta");

    assertEquals(Optional.of("B-LTA"), report.signatures().get(0).level());
    assertTrue(report.signatures().get(0).changes().contains(
        "allowed: validation data (DSS) added"), report.signatures().get(0).changes().toString());
  }

  @Test
  void verify_certifiedForFormFillingThenFilledAndSigned_isValid() throws Exception {
    byte[] certified = sign("officer", letter(), SignatureRequest.at(SignatureLevel.B_B)
        .certifying(Certification.FORM_FILLING));
    byte[] filled = IncrementalUpdate.appended(certified, pdf -> PdfAcroForm.getAcroForm(pdf, false)
        .getField("nguoi_nhan").setValue("Tran Van Binh"));

    VerificationReport report = assertHonest(sign("agency", filled,
        SignatureRequest.at(SignatureLevel.B_B)), "certified-filled-signed",
        List.of("Visual difference is detected on page(s) [1]"));

    assertTrue(report.signatures().get(0).changes().contains(
        "allowed: form field 'nguoi_nhan' was filled in"),
        report.signatures().get(0).changes().toString());
  }

  @Test
  void verify_certifiedAllowingAnnotationsThenAnnotated_isValid() throws Exception {
    byte[] certified = sign("officer", letter(), SignatureRequest.at(SignatureLevel.B_B)
        .certifying(Certification.FORM_FILLING_AND_ANNOTATIONS));

    VerificationReport report = assertHonest(IncrementalUpdate.appended(certified, pdf -> pdf.getPage(1)
        .addAnnotation(new PdfTextAnnotation(new Rectangle(500, 100, 20, 20))
            .setContents(new PdfString("Da doi chieu")))), "certified-annotated");

    assertTrue(report.signatures().get(0).changes().stream().anyMatch(c ->
        c.startsWith("allowed: a Text annotation was added on page 1")),
        report.signatures().get(0).changes().toString());
  }

  @Test
  void verify_twoVisibleSignaturesInTheBlankPartOfThePage_isValid() throws Exception {
    Path font = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    byte[] officer = sign("officer", letter(), SignatureRequest.at(SignatureLevel.B_B)
        .shownIn(VisibleSignature.parse("1:60,60,230,70", font, Optional.empty())));

    assertHonest(sign("agency", officer, SignatureRequest.at(SignatureLevel.B_B)
        .shownIn(VisibleSignature.parse("1:320,60,230,70", font, Optional.empty()))),
        "two-visible");
  }

  @Test
  void verify_visibleSignatureDrawnOverTheSignedText_isInvalid() throws Exception {
    Path font = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    byte[] officer = sign("officer", letter(), SignatureRequest.at(SignatureLevel.B_B));
    byte[] covering = sign("agency", officer, SignatureRequest.at(SignatureLevel.B_B)
        .shownIn(VisibleSignature.parse("1:60,740,300,40", font, Optional.empty())));

    VerificationReport report = verifier.verify(Files.write(dir.resolve("covering.pdf"),
        covering));

    assertEquals(Verdict.INVALID, report.signatures().get(0).verdict());
    assertTrue(report.signatures().get(0).problems().stream().anyMatch(p -> p.contains(
        "is drawn over what was signed")), report.signatures().get(0).problems().toString());
    assertEquals(Verdict.VALID, report.signatures().get(1).verdict(),
        "the agency signed what it saw");
  }
}
