package sohoa.certify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import sohoa.catalog.RegisterBook;
import sohoa.core.error.ConfigurationError;
import sohoa.catalog.RegisterEntry;
import sohoa.catalog.RegisterEntry.Status;
import sohoa.core.document.CopyId;
import sohoa.core.document.DocumentId;
import sohoa.core.error.SigningFailure;
import sohoa.core.event.RecordEvent;
import sohoa.core.process.Holder;
import sohoa.pipeline.DocumentOutcome;
import sohoa.pipeline.PipelineListener;
import sohoa.pipeline.Digitiser;
import sohoa.sign.TestPki;
import sohoa.sign.pades.PadesSigner;
import sohoa.sign.pades.SignatureLevel;
import sohoa.sign.pades.TimestampAuthority;
import sohoa.sign.verify.PdfSignatureVerifier;
import sohoa.sign.verify.Verdict;
import sohoa.sign.verify.VerificationReport;
import sohoa.store.ObjectKey;
import sohoa.testkit.fixtures.Fixtures;
import sohoa.testkit.fixtures.HostileFiles;
import sohoa.testkit.fixtures.ScanDefects;
import sohoa.testkit.pdf.PdfaValidation;
import sohoa.testkit.pdf.Poppler;

class CertificationServiceTest {
  /** 08.10.2026 10:45 in Hanoi. */
  private static final Clock ISSUE_DAY =
      Clock.fixed(Instant.parse("2026-10-08T03:45:00Z"), ZoneOffset.UTC);
  private static final Officer OFFICER = new Officer("Nguyễn Thị Hoa", "Phó Chủ tịch");
  private static final String AGENCY_CSV = "Văn phòng Ủy ban nhân dân tỉnh Thanh Hóa";
  private static final String AGENCY = AGENCY_CSV;
  private static final URI BASE = URI.create("https://chungthuc.test/");
  private static final String OFFICE = "ben-nghe";

  private static final List<RecordEvent> announced = new CopyOnWriteArrayList<>();
  @TempDir static Path dir;
  private static TestPki pki;
  private static Digitiser digitiser;
  private static DocumentId original;
  private static CertificationService service;

  @BeforeAll
  static void digitiseAnOriginal() throws Exception {
    pki = TestPki.start(dir.resolve("pki"));
    digitiser = Originals.deployment(dir.resolve("data"));
    original = Originals.notice(digitiser, dir.resolve("scans"));
    service = service(new CopySigning(pki.signer("officer"), pki.signer("agency"),
        SignatureLevel.B_LT));
  }

  @AfterAll
  static void stop() {
    digitiser.close();
    pki.close();
  }

  private static CertificationService service(CopySigning signing) throws Exception {
    return new CertificationService(digitiser.catalog(), digitiser.store(), signing,
        CopyFonts.locate(),
        BASE, dir.resolve("data/work"), ISSUE_DAY, announced::add);
  }

  private static CertificationRequest request(Placement placement) {
    return new CertificationRequest(original, OFFICER, AGENCY, OFFICE, "01", placement);
  }

  /** The stored copy, written out to a file of the test's. */
  private static Path file(CertifiedCopy copy) throws Exception {
    Path file = dir.resolve(copy.entry().copyId() + ".pdf");
    try (InputStream in = digitiser.store().open(copy.pdf().key())) {
      Files.copy(in, file);
    }
    return file;
  }

  private static String originalSha256() throws Exception {
    return digitiser.catalog().documents().find(original).orElseThrow().artifacts().stream()
        .filter(a -> a.kind().equals("pdfa")).findFirst().orElseThrow().sha256().hex();
  }

  @Test
  void issue_certificationPageCarriesTheLoiChungInTheFormsWords() throws Exception {
    CertifiedCopy copy = service.issue(request(Placement.PAGE));

    String text;
    try (PDDocument pdf = Loader.loadPDF(file(copy).toFile())) {
      assertEquals(2, pdf.getNumberOfPages(), "the scan and the certification page");
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setStartPage(2);
      // Lines the layout wrapped (a long agency name takes two, as on paper) read as one.
      text = stripper.getText(pdf).replaceAll("\\s+", " ");
    }
    int n = copy.entry().number();
    for (String expected : List.of("VĂN PHÒNG ỦY BAN NHÂN DÂN TỈNH THANH HÓA",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "LỜI CHỨNG CHỨNG THỰC BẢN SAO TỪ BẢN CHÍNH",
        "Chứng thực bản sao đúng với bản chính.", "Số chứng thực: " + n,
        "Quyển số: 01/2026-SCT/BS", "Ngày 08 tháng 10 năm 2026", "Bản sao gồm 2 trang.",
        "PHÓ CHỦ TỊCH", "Nguyễn Thị Hoa")) {
      assertTrue(text.contains(expected), "'" + expected + "' missing from:\n" + text);
    }
    assertEquals(Status.ISSUED, copy.entry().status());
    assertEquals(new RegisterBook(OFFICE, "01", 2026), copy.entry().book());
  }

  @RepeatedTest(5)
  void issue_qrCodeLeadsToTheVerificationPageWithTheOriginalsDigest() throws Exception {
    CertifiedCopy copy = service.issue(request(Placement.PAGE));

    BufferedImage page;
    try (PDDocument pdf = Loader.loadPDF(file(copy).toFile())) {
      page = new PDFRenderer(pdf).renderImageWithDPI(1, 200);
    }
    // The foot of the page, as a phone camera pointed at the code frames it.
    BufferedImage foot = page.getSubimage(0, page.getHeight() * 2 / 3, page.getWidth() / 2,
        page.getHeight() / 3);
    // ZXing's single-code reader can lock onto a finder-like run of data modules at some
    // scales and give up; its multi-code reader tries every candidate, as phone readers do.
    Result[] found = new QRCodeMultiReader().decodeMultiple(new BinaryBitmap(new HybridBinarizer(
        new BufferedImageLuminanceSource(foot))), Map.of(DecodeHintType.TRY_HARDER, true));
    assertEquals(1, found.length);
    String decoded = found[0].getText();

    assertEquals("https://chungthuc.test/verify/" + copy.entry().copyId() + "?sha256="
        + originalSha256(), decoded);
    assertEquals(decoded, copy.verificationUrl());
  }

  @Test
  void issue_announcesTheIssuedCopyWithItsHashes() throws Exception {
    CertifiedCopy copy = service.issue(request(Placement.STAMP));

    RecordEvent event = announced.stream()
        .filter(e -> e.subject().equals(copy.entry().copyId().value())).findFirst().orElseThrow();
    assertEquals(RecordEvent.Type.COPY_ISSUED, event.type());
    assertEquals(copy.pdf().sha256().hex(), event.hashes().get("certified"));
    assertEquals(originalSha256(), event.hashes().get("original-pdfa"));
  }

  @Test
  void issue_fromAnOriginalThatCameWithActiveContent_theCopyCarriesNone() throws Exception {
    Path scan = Files.createDirectories(dir.resolve("active")).resolve("co-ma-javascript.pdf");
    HostileFiles.activePdf(Fixtures.render(Fixtures.NOTICE, 200, ScanDefects.NONE).pages()
        .get(0), scan);
    DocumentOutcome digitised = digitiser.pipeline().process(scan, PipelineListener.NONE);
    DocumentId id = ((DocumentOutcome.Digitised) digitised).id();

    CertifiedCopy copy = service.issue(new CertificationRequest(id, OFFICER, AGENCY, OFFICE,
        "01", Placement.PAGE));

    Path file = file(copy);
    try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
      assertEquals(null, pdf.getDocumentCatalog().getOpenAction());
      assertEquals(null, pdf.getDocumentCatalog().getNames(), "no embedded files");
      for (int p = 0; p < pdf.getNumberOfPages(); p++) {
        assertEquals(null, pdf.getPage(p).getCOSObject().getDictionaryObject(COSName.AA));
      }
    }
    String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    for (String active : List.of("/JavaScript", "/Launch", "/EmbeddedFile")) {
      assertTrue(!bytes.contains(active), active + " in the certified copy");
    }
  }

  @Test
  void issue_bothSignaturesHold_forSohoaAndPoppler_andTheCopyStaysPdfA() throws Exception {
    Path copy = file(service.issue(request(Placement.PAGE)));

    VerificationReport report = new PdfSignatureVerifier(List.of(pki.root()), true).verify(copy);
    assertEquals(Verdict.VALID, report.verdict(), report.toString());
    assertEquals(List.of("Nguyễn Thị Hoa", "Văn phòng Ủy ban nhân dân tỉnh Thanh Hóa"),
        report.signatures().stream().map(s -> s.signer()).toList().subList(0, 2));
    assertEquals(Optional.of("B-LT"), report.signatures().get(0).level());
    String pdfsig = Poppler.pdfsig(copy);
    assertEquals(2, pdfsig.split("Signature is Valid", -1).length - 1, pdfsig);
    PdfaValidation.Verdict pdfa = PdfaValidation.validate(copy);
    assertTrue(pdfa.compliant(), pdfa.failures().toString());
  }

  @Test
  void read_recognisesTheCopyAndChecksTheDigest_andNoticesATamperedOriginal() throws Exception {
    CertifiedCopy copy = service.issue(request(Placement.PAGE));
    Path file = file(copy);

    CertifiedCopyReader.CopyCheck check = CertifiedCopyReader.read(file).orElseThrow();
    assertTrue(check.digestMatches());
    assertEquals(copy.entry().number(), check.mark().number());
    assertEquals(original, check.mark().originalId());
    assertEquals("Nguyễn Thị Hoa", check.mark().officer());
    assertEquals(AGENCY, check.mark().agency());

    byte[] bytes = Files.readAllBytes(file);
    bytes[200] ^= 0x01;
    Path tampered = Files.write(dir.resolve("tampered.pdf"), bytes);
    assertFalse(CertifiedCopyReader.read(tampered).orElseThrow().digestMatches());
    assertTrue(CertifiedCopyReader.read(
        sohoaPdfa()).isEmpty(), "the original itself is no certified copy");
  }

  private static Path sohoaPdfa() throws Exception {
    Path file = dir.resolve("original.pdf");
    try (InputStream in = digitiser.store().open(ObjectKey.artifact(original, "pdfa.pdf"))) {
      Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    return file;
  }

  @ParameterizedTest
  @CsvSource({"Lê Văn Tâm, " + AGENCY_CSV + ", officer 'Lê Văn Tâm'",
      "Nguyễn Thị Hoa, Ủy ban nhân dân phường Bến Nghé, agency 'Ủy ban nhân dân phường Bến Nghé'"})
  void issue_namingSomeoneOtherThanTheCertificatesHolder_isRefusedBeforeItIsNumbered(
      String officer, String agency, String named) throws Exception {
    int before = digitiser.catalog().register().entries(new RegisterBook(OFFICE, "01",
        2026)).size();

    ConfigurationError refused = assertThrows(ConfigurationError.class, () -> service.issue(
        new CertificationRequest(original, new Officer(officer, "Phó Chủ tịch"), agency, OFFICE,
            "01", Placement.PAGE)));

    assertTrue(refused.getMessage().contains("would name the " + named), refused.getMessage());
    assertEquals(before, digitiser.catalog().register().entries(
        new RegisterBook(OFFICE, "01", 2026)).size(), "no number was taken");
  }

  @Test
  void issue_sameOriginalAgain_isANewCertificationWithTheNextNumber() throws Exception {
    CertifiedCopy first = service.issue(request(Placement.PAGE));
    CertifiedCopy second = service.issue(request(Placement.PAGE));

    assertEquals(first.entry().number() + 1, second.entry().number());
    assertFalse(first.entry().copyId().equals(second.entry().copyId()));
    List<RegisterEntry> ofOriginal = digitiser.catalog().register().ofOriginal(original);
    assertTrue(ofOriginal.stream().map(RegisterEntry::copyId).toList()
        .containsAll(List.of(first.entry().copyId(), second.entry().copyId())));
  }

  @Test
  void issue_stampPlacement_putsTheLoiChungOnTheLastPage() throws Exception {
    Path copy = file(service.issue(request(Placement.STAMP)));

    try (PDDocument pdf = Loader.loadPDF(copy.toFile())) {
      assertEquals(1, pdf.getNumberOfPages());
      String text = new PDFTextStripper().getText(pdf);
      assertTrue(text.contains("Chứng thực bản sao đúng với bản chính."), text);
      assertTrue(text.contains("Bản sao gồm 1 trang."), text);
    }
    assertTrue(PdfaValidation.validate(copy).compliant());
  }

  @Test
  void issue_signingFails_numberIsVoidedWithTheReason_andTheNextIssueGoesOn() throws Exception {
    PadesSigner noTsa = new PadesSigner(pki.identity("agency"),
        Optional.of(TimestampAuthority.at(URI.create("http://127.0.0.1:9/tsa"))),
        List.of(pki.root()));
    CertificationService failing = service(new CopySigning(pki.signer("officer"), noTsa,
        SignatureLevel.B_T));

    assertThrows(SigningFailure.class, () -> failing.issue(request(Placement.PAGE)));

    List<RegisterEntry> book = digitiser.catalog().register().entries(new RegisterBook(OFFICE,
        "01", 2026));
    RegisterEntry voided = book.get(book.size() - 1);
    assertEquals(Status.VOIDED, voided.status());
    assertTrue(voided.voidReason().orElseThrow().contains("Văn phòng Ủy ban nhân dân tỉnh Thanh Hóa"),
        voided.voidReason().orElseThrow());
    assertEquals(voided.number() + 1, service.issue(request(Placement.PAGE)).entry().number());
  }

  @Test
  void recoverAbandoned_closesNumbersLeftByAProcessThatDied() throws Exception {
    RegisterBook book = new RegisterBook("quan-1", "09", 2026);
    String dead = java.net.InetAddress.getLocalHost().getHostName() + ":" + Integer.MAX_VALUE
        + ":1";
    RegisterEntry unfinished = digitiser.catalog().register().reserve(book,
        CopyId.random(new java.security.SecureRandom()), original, OFFICER.name(),
        OFFICER.title(), AGENCY, dead, ISSUE_DAY.instant());
    RegisterEntry mine = digitiser.catalog().register().reserve(book,
        CopyId.random(new java.security.SecureRandom()), original, OFFICER.name(),
        OFFICER.title(), AGENCY, Holder.current().toString(), ISSUE_DAY.instant());

    List<RegisterEntry> closed = service.recoverAbandoned();

    assertEquals(List.of(unfinished.number()), closed.stream()
        .filter(e -> e.book().equals(book)).map(RegisterEntry::number).toList());
    RegisterEntry after = digitiser.catalog().register().byNumber(book.office(), book.year(),
        unfinished.number())
        .orElseThrow();
    assertEquals(Status.VOIDED, after.status());
    assertTrue(after.voidReason().orElseThrow().contains("stopped before its copy was stored"));
    assertEquals(Status.RESERVED, digitiser.catalog().register().byNumber(book.office(),
        book.year(), mine.number())
        .orElseThrow().status(), "a live process's number is left to it");
    digitiser.catalog().register().voidEntry(mine, "test over", ISSUE_DAY.instant());
  }
}
