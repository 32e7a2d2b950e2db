package sohoa.pipeline.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohoa.catalog.AuditEntry;
import sohoa.catalog.DocumentRecord;
import sohoa.catalog.JobItem;
import sohoa.core.document.ContentHash;
import sohoa.core.document.DocumentId;
import sohoa.extract.file.TestMetadataReader;
import sohoa.ocr.OcrConfig;
import sohoa.pdf.input.InputLimits;
import sohoa.pipeline.BatchSummary;
import sohoa.pipeline.DigitizeOptions;
import sohoa.pipeline.DocumentOutcome;
import sohoa.pipeline.OutputFormat;
import sohoa.pipeline.PipelineListener;
import sohoa.pipeline.Digitiser;
import sohoa.pipeline.Workspace;
import sohoa.store.ObjectKey;
import sohoa.testkit.fixtures.BadFiles;
import sohoa.testkit.fixtures.Fixtures;
import sohoa.testkit.fixtures.ScanDefects;
import sohoa.testkit.fixtures.ScanFiles;
import sohoa.testkit.fixtures.ScanRenderer;
import sohoa.testkit.fixtures.TextDistance;
import sohoa.testkit.ocr.ScriptedEngine;
import sohoa.testkit.pdf.PdfaValidation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class BatchRunnerTest {
  private static final DigitizeOptions OPTIONS =
      new DigitizeOptions(2, OcrConfig.vietnamese(), InputLimits.DEFAULT.withMaxPixels(50_000_000),
          EnumSet.allOf(OutputFormat.class), DigitizeOptions.DEFAULT_REVIEW_BELOW, false);
  private static Fixtures.Rendered notice;
  @TempDir Path dir;

  @BeforeAll
  static void render() {
    notice = Fixtures.render(Fixtures.NOTICE, 300, ScanDefects.NONE.withSkew(0.4));
  }

  private BatchSummary digitize(Path data, List<Path> files) throws Exception {
    return digitize(data, files, OPTIONS);
  }

  private BatchSummary digitize(Path data, List<Path> files, DigitizeOptions options)
      throws Exception {
    try (Digitiser digitiser = Digitiser.embedded(Workspace.create(data), options,
        TestMetadataReader.shared(), Clock.systemUTC())) {
      return run(digitiser, files);
    }
  }

  /**
   * The same with the notice read as printed, at once: for the tests about what a batch does
   * with its inputs (failures, reuse, lists, its summary), not about reading them.
   */
  private BatchSummary digitizeAsPrinted(Path data, List<Path> files) throws Exception {
    try (Digitiser digitiser = Digitiser.embedded(Workspace.create(data), OPTIONS,
        TestMetadataReader.shared(), ScriptedEngine.reading(notice), Clock.systemUTC())) {
      return run(digitiser, files);
    }
  }

  private static BatchSummary run(Digitiser digitiser, List<Path> files) throws Exception {
    return new BatchRunner(digitiser, PipelineListener.NONE)
        .run("job-" + System.nanoTime(), new Inputs(files, List.of()));
  }

  private static Map<String, DocumentOutcome> byName(BatchSummary summary) {
    return summary.outcomes().stream().collect(Collectors.toMap(
        o -> o.source().getFileName().toString(), Function.identity()));
  }

  @Test
  void digitize_keepsGoingAfterBadFiles_andQuarantinesEachWithItsReason() throws Exception {
    Path in = Files.createDirectories(dir.resolve("in"));
    Path good = in.resolve("thong-bao.jpg");
    ScanFiles.jpeg(notice.pages().get(0), 300, 0.85f, good);
    BadFiles.zeroBytes(in.resolve("rong.tif"));
    BadFiles.truncated(good, in.resolve("cat-ngang.jpg"), 0.5);
    BadFiles.notAScan(in.resolve("danh-sach.png"));
    BadFiles.encryptedPdf(in.resolve("co-mat-khau.pdf"));
    BadFiles.pixelBomb(in.resolve("qua-lon.png"), 100_000, 100_000);
    Path data = dir.resolve("data");

    BatchSummary summary = digitizeAsPrinted(data,
        InputCollector.collect(List.of(in.toString())).files());

    assertEquals(1, summary.digitised());
    assertEquals(5, summary.failed());
    Map<String, DocumentOutcome> outcomes = byName(summary);
    assertEquals("empty-input", failure(outcomes, "rong.tif").code());
    assertEquals("truncated-input", failure(outcomes, "cat-ngang.jpg").code());
    assertEquals("unsupported-input", failure(outcomes, "danh-sach.png").code());
    assertEquals("the content is text/plain, not a scanned image (TIFF, PNG, JPEG) or a PDF",
        failure(outcomes, "danh-sach.png").message());
    assertEquals("encrypted-input", failure(outcomes, "co-mat-khau.pdf").code());
    assertEquals("input-too-large", failure(outcomes, "qua-lon.png").code());
    for (String name : List.of("rong.tif", "cat-ngang.jpg", "danh-sach.png", "co-mat-khau.pdf",
        "qua-lon.png")) {
      Path kept = failure(outcomes, name).quarantined().orElseThrow();
      assertEquals(Files.size(in.resolve(name)), Files.size(kept), name + " kept byte for byte");
      String reason = Files.readString(Path.of(kept + ".error.txt"));
      assertTrue(reason.contains("error:   " + failure(outcomes, name).code()), reason);
      assertTrue(reason.contains("fix:     "), reason);
    }
    try (Stream<Path> left = Files.list(data.resolve("work"))) {
      assertEquals(List.of(), left.toList(), "each document's work folder goes with it, whether"
          + " it failed or not");
    }
  }

  @Test
  void digitize_writesIngestAndOcrToTheAuditLog_andAReuseAsAnIngest() throws Exception {
    Path scan = dir.resolve("thong-bao.png");
    ScanFiles.png(notice.pages().get(0), 300, scan);
    Path data = dir.resolve("data");
    digitizeAsPrinted(data, List.of(scan));
    digitizeAsPrinted(data, List.of(scan));

    try (Digitiser digitiser = Digitiser.embedded(Workspace.create(data), OPTIONS,
        TestMetadataReader.shared(), Clock.systemUTC())) {
      List<AuditEntry> entries = digitiser.catalog().auditLog().entries(Instant.EPOCH,
          Instant.now().plusSeconds(60));
      assertEquals(List.of("ingest", "ocr", "ingest"),
          entries.stream().map(AuditEntry::action).toList());
      DocumentId id = DocumentId.of(ContentHash.of(scan));
      for (AuditEntry entry : entries) {
        assertEquals(id.value(), entry.subject());
        assertEquals(Optional.of(ContentHash.of(scan)), entry.documentSha256());
        assertTrue(entry.actor().startsWith("sohoa:"), entry.actor());
      }
      assertTrue(entries.get(0).detail().startsWith("from thong-bao.png (image/png, "),
          entries.get(0).detail());
      assertTrue(entries.get(1).detail().startsWith("1 page, mean confidence "),
          entries.get(1).detail());
      assertEquals("from thong-bao.png: already digitised, reused", entries.get(2).detail());
      assertEquals(Optional.empty(), digitiser.catalog().auditLog().verify());
    }
  }

  @Test
  void digitize_goodScan_isStoredAsValidPdfaWithManifestAndCatalogRow() throws Exception {
    Path scan = dir.resolve("thong-bao.png");
    ScanFiles.png(notice.pages().get(0), 300, scan);
    Path data = dir.resolve("data");

    BatchSummary summary = digitize(data, List.of(scan));

    DocumentOutcome.Digitised done =
        assertInstanceOf(DocumentOutcome.Digitised.class, summary.outcomes().get(0));
    ContentHash hash = ContentHash.of(scan);
    assertEquals(DocumentId.of(hash), done.id());
    Path store = data.resolve("store");
    Path pdfa = store.resolve(ObjectKey.artifact(done.id(), "pdfa.pdf").value());
    assertTrue(PdfaValidation.validate(pdfa).compliant());
    try (PDDocument pdf = Loader.loadPDF(pdfa.toFile())) {
      double cer = TextDistance.characterErrorRate(notice.truth().get(0),
          new PDFTextStripper().getText(pdf));
      assertTrue(cer < 0.02, "CER of the PDF/A text layer: " + cer);
    }
    assertTrue(Files.isRegularFile(store.resolve(ObjectKey.original(hash).value())));

    JsonNode manifest = new ObjectMapper().readTree(
        store.resolve(ObjectKey.artifact(done.id(), "manifest.json").value()).toFile());
    assertEquals(hash.hex(), manifest.at("/source/sha256").asText());
    assertEquals(ContentHash.of(pdfa).hex(), manifest.at("/artifacts/pdfa/sha256").asText());
    assertEquals(1, manifest.at("/pageCount").asInt());
    assertTrue(manifest.at("/pages/0/meanConfidence").asDouble() > 80);
    assertEquals(300, manifest.at("/pages/0/dpiX").asInt());
    assertTrue(manifest.at("/tools/ocr").asText().startsWith("tesseract 5."));
    assertEquals(0.4, manifest.at("/pages/0/skew").asDouble(), 0.1);
    int syllables = manifest.at("/pages/0/syllables").asInt();
    assertTrue(syllables > 100, "syllables checked: " + syllables);
    assertTrue(manifest.at("/pages/0/impossibleSyllables").asInt() < syllables / 50,
        "a clean page has next to no impossible syllables: " + manifest.at("/pages/0"));
    // What the file says about itself, as Tika read it: here the PNG's own resolution tag.
    assertEquals("image/png", manifest.at("/file/mediaType").asText());
    assertTrue(manifest.at("/file/properties").toString().contains("11811"),
        "300 dpi is 11811 pixels per metre in PNG's pHYs: " + manifest.at("/file"));
    assertTrue(manifest.at("/tools/metadata").asText().startsWith("Apache Tika 3."));

    try (Digitiser digitiser = Digitiser.embedded(Workspace.create(data), OPTIONS,
        TestMetadataReader.shared(), Clock.systemUTC())) {
      DocumentRecord record = digitiser.catalog().documents().findByOriginal(hash).orElseThrow();
      assertEquals("image/png", record.mediaType());
      assertEquals(1, record.pages().size());
      assertTrue(record.fullText().contains("Quảng Phú"), record.fullText());
      assertEquals(6, record.artifacts().size(), "original, pdfa, txt, hocr, alto, manifest");
      assertTrue(record.file().orElseThrow().problem().isEmpty(), record.file().toString());
      assertEquals(List.of(JobItem.Status.DONE), digitiser.catalog().jobs().items(summary.jobId())
          .stream().map(JobItem::status).toList());
    }
  }

  @Test
  void digitize_secondRun_reusesTheStoredResultWithoutOcr() throws Exception {
    Path scan = dir.resolve("thong-bao.jpg");
    ScanFiles.jpeg(notice.pages().get(0), 300, 0.85f, scan);
    Path data = dir.resolve("data");
    BatchSummary first = digitizeAsPrinted(data, List.of(scan));
    Path pdfa = data.resolve("store").resolve(
        ObjectKey.artifact(DocumentId.of(ContentHash.of(scan)), "pdfa.pdf").value());
    long written = Files.getLastModifiedTime(pdfa).toMillis();

    BatchSummary second = digitizeAsPrinted(data, List.of(scan));

    assertEquals(1, first.digitised());
    assertEquals(1, second.reused());
    assertEquals(0, second.pages(), "no page was OCR'd again");
    assertEquals(written, Files.getLastModifiedTime(pdfa).toMillis(), "nothing was rewritten");
  }

  @Test
  void digitize_sameScanTwiceInOneBatch_storesOneDocument() throws Exception {
    Path a = dir.resolve("a.png");
    ScanFiles.png(notice.pages().get(0), 300, a);
    Path b = Files.copy(a, dir.resolve("b-copy.png"));
    Path data = dir.resolve("data");

    BatchSummary summary = digitizeAsPrinted(data, List.of(a, b));

    assertEquals(1, summary.digitised());
    assertEquals(1, summary.reused());
    try (Digitiser digitiser = Digitiser.embedded(Workspace.create(data), OPTIONS,
        TestMetadataReader.shared(), Clock.systemUTC())) {
      assertEquals(1, digitiser.catalog().documents().count());
    }
  }

  @Test
  void digitize_fileVanishedFromList_failsThatItemOnly() throws Exception {
    Path scan = dir.resolve("a.png");
    ScanFiles.png(notice.pages().get(0), 300, scan);
    Path list = Files.writeString(dir.resolve("list.txt"), "a.png\nkhong-con.png\n# comment\n");

    BatchSummary summary = digitizeAsPrinted(dir.resolve("data"),
        InputCollector.collect(List.of("@" + list)).files());

    assertEquals(1, summary.digitised());
    DocumentOutcome.Failed missing = failure(byName(summary), "khong-con.png");
    assertEquals("unreadable-input", missing.code());
    assertEquals(Optional.empty(), missing.quarantined().filter(Files::isRegularFile)
        .filter(p -> !p.toString().endsWith(".error.txt")));
  }

  @Test
  void digitize_summaryJson_listsEveryInput() throws Exception {
    Path scan = dir.resolve("a.png");
    ScanFiles.png(notice.pages().get(0), 300, scan);
    BadFiles.zeroBytes(dir.resolve("b.png"));
    Path data = dir.resolve("data");

    BatchSummary summary = digitizeAsPrinted(data, List.of(scan, dir.resolve("b.png")));

    try (InputStream in = Files.newInputStream(
        data.resolve("jobs").resolve(summary.jobId()).resolve("summary.json"))) {
      JsonNode json = new ObjectMapper().readTree(in);
      assertEquals(1, json.get("done").asInt());
      assertEquals(1, json.get("failed").asInt());
      assertEquals("empty-input", json.at("/documents/1/error").asText());
      assertEquals("done", json.at("/documents/0/status").asText());
    }
  }

  @Test
  void digitize_sidewaysScan_writesHocrAndAltoInTheScansOwnPixels() throws Exception {
    Path scan = dir.resolve("nam-ngang.png");
    BufferedImage sideways = ScanRenderer.spoil(notice.pages().get(0),
        ScanDefects.NONE.withQuarterTurns(3));
    ScanFiles.png(sideways, 300, scan);
    Path data = dir.resolve("data");

    DocumentOutcome.Digitised done = assertInstanceOf(DocumentOutcome.Digitised.class,
        digitize(data, List.of(scan)).outcomes().get(0));

    Path folder = data.resolve("store/documents/" + done.id());
    Document alto = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(folder.resolve("alto.xml").toFile());
    Element page = (Element) alto.getElementsByTagName("Page").item(0);
    assertEquals(sideways.getWidth(), Integer.parseInt(page.getAttribute("WIDTH")));
    assertEquals(sideways.getHeight(), Integer.parseInt(page.getAttribute("HEIGHT")));
    NodeList strings = alto.getElementsByTagName("String");
    assertTrue(strings.getLength() > 100, "words in ALTO: " + strings.getLength());
    Element first = (Element) strings.item(0);
    assertEquals("THÔNG", first.getAttribute("CONTENT"));
    // Sideways, the first printed word stands tall near the scan's left edge.
    assertTrue(Integer.parseInt(first.getAttribute("HEIGHT"))
        > Integer.parseInt(first.getAttribute("WIDTH")), "the word runs down the scan");
    Document hocr = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(folder.resolve("hocr.html").toFile());
    assertEquals(strings.getLength(), count(hocr, "ocrx_word"));
    assertTrue(Files.readString(folder.resolve("text.txt")).contains("Quảng Phú"));
  }

  @Test
  void digitize_pageBelowTheReviewThreshold_isFlaggedEverywhere() throws Exception {
    Path scan = dir.resolve("a.png");
    ScanFiles.png(notice.pages().get(0), 300, scan);
    Path data = dir.resolve("data");
    DigitizeOptions strict = new DigitizeOptions(2, OPTIONS.ocr(), OPTIONS.limits(),
        OPTIONS.formats(), 99.9f, false);

    BatchSummary summary = digitize(data, List.of(scan), strict);

    DocumentOutcome.Digitised done =
        assertInstanceOf(DocumentOutcome.Digitised.class, summary.outcomes().get(0));
    assertEquals(List.of(1), done.needsReview());
    assertEquals(1, summary.pagesNeedingReview());
    JsonNode manifest = manifest(data, summary);
    assertTrue(manifest.at("/pages/0/needsReview").asBoolean());
    assertEquals(1, manifest.at("/needsReview/0").asInt());
    try (Digitiser digitiser = Digitiser.embedded(Workspace.create(data), OPTIONS,
        TestMetadataReader.shared(), Clock.systemUTC())) {
      assertTrue(digitiser.catalog().documents().findByOriginal(ContentHash.of(scan)).orElseThrow()
          .pages().get(0).needsReview());
    }
  }

  @Test
  void digitize_goodPageAtTheDefaultThreshold_isNotFlagged() throws Exception {
    Path scan = dir.resolve("a.png");
    ScanFiles.png(notice.pages().get(0), 300, scan);

    BatchSummary summary = digitize(dir.resolve("data"), List.of(scan));

    assertEquals(0, summary.pagesNeedingReview());
  }

  @Test
  void digitize_scanDeclaringNoUsableResolution_isSizedFromItsLetters() throws Exception {
    Path scan = dir.resolve("dien-thoai.png");
    // A camera or phone writes 72 dpi whatever it photographed; this page is a 200 dpi scan.
    ScanFiles.png(Fixtures.render(Fixtures.NOTICE, 200, ScanDefects.NONE).pages().get(0), 72, scan);
    Path data = dir.resolve("data");

    BatchSummary summary = digitize(data, List.of(scan));

    JsonNode page = manifest(data, summary).at("/pages/0");
    assertTrue(page.at("/dpiEstimated").asBoolean(), page.toString());
    assertEquals(200, page.at("/dpiX").asInt());
    assertEquals(300, page.at("/readAtDpi").asInt());
    try (PDDocument pdf = Loader.loadPDF(pdfa(data, summary).toFile())) {
      assertEquals(595, pdf.getPage(0).getMediaBox().getWidth(), 3, "an A4 page, in points");
    }
  }

  @Test
  void digitize_shadowedScanWithArchiveCleaned_archivesThePageAsRead() throws Exception {
    Path scan = dir.resolve("bong-gay.png");
    ScanFiles.png(ScanRenderer.spoil(notice.pages().get(0), ScanDefects.NONE.withShadow(0.7)),
        300, scan);
    Path data = dir.resolve("data");
    DigitizeOptions cleaned = new DigitizeOptions(2, OPTIONS.ocr(), OPTIONS.limits(),
        OPTIONS.formats(), OPTIONS.reviewBelow(), true);

    BatchSummary summary = digitize(data, List.of(scan), cleaned);

    JsonNode page = manifest(data, summary).at("/pages/0");
    assertTrue(page.at("/paperEvened").asBoolean(), page.toString());
    assertEquals("cleaned", page.at("/image").asText());
    assertTrue(page.at("/meanConfidence").asDouble() > 80, page.toString());
    assertTrue(PdfaValidation.validate(pdfa(data, summary)).compliant());
  }

  private static JsonNode manifest(Path data, BatchSummary summary) throws Exception {
    return new ObjectMapper().readTree(stored(data, summary, "manifest.json").toFile());
  }

  private static Path pdfa(Path data, BatchSummary summary) {
    return stored(data, summary, "pdfa.pdf");
  }

  /** An artifact of the batch's first document, which must have been digitised. */
  private static Path stored(Path data, BatchSummary summary, String artifact) {
    DocumentOutcome.Digitised done =
        assertInstanceOf(DocumentOutcome.Digitised.class, summary.outcomes().get(0));
    return data.resolve("store/documents/" + done.id() + "/" + artifact);
  }

  private static int count(Document html, String className) {
    NodeList spans = html.getElementsByTagName("span");
    int count = 0;
    for (int i = 0; i < spans.getLength(); i++) {
      if (className.equals(((Element) spans.item(i)).getAttribute("class"))) {
        count++;
      }
    }
    return count;
  }

  private static DocumentOutcome.Failed failure(Map<String, DocumentOutcome> outcomes, String name) {
    return assertInstanceOf(DocumentOutcome.Failed.class, outcomes.get(name), name);
  }
}
