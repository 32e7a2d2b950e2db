package sohoa.pdf.pdfa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohoa.core.document.ContentHash;
import sohoa.core.document.InputFormat;
import sohoa.core.text.Alignment;
import sohoa.core.text.Box;
import sohoa.core.text.PageText;
import sohoa.core.text.TextLine;
import sohoa.core.text.TextOrigin;
import sohoa.core.text.Word;
import sohoa.pdf.input.EncodedImage;
import sohoa.pdf.input.PageImage;
import sohoa.pdf.input.RasterImage;
import sohoa.pdf.input.Resolution;
import sohoa.pdf.input.TiffPage;
import sohoa.testkit.fixtures.Fixtures;
import sohoa.testkit.fixtures.ScanDefects;
import sohoa.testkit.fixtures.ScanFiles;
import sohoa.testkit.fixtures.ScanRenderer;
import sohoa.testkit.fixtures.TextDistance;
import sohoa.testkit.pdf.PdfaValidation;

class PdfaWriterTest {
  private static final Resolution DPI_300 = new Resolution(300, 300, false);
  private static Fixtures.Rendered notice;
  @TempDir Path dir;

  @BeforeAll
  static void render() {
    notice = Fixtures.render(Fixtures.NOTICE, 300, ScanDefects.NONE);
  }

  private Path write(String name, PageImage image, int turns, PageText text) throws Exception {
    return write(name, image, new Alignment(turns, 0), text);
  }

  private Path write(String name, PageImage image, Alignment alignment, PageText text)
      throws Exception {
    Path pdf = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(pdf);
        PdfaWriter writer = PdfaWriter.open(out, new ArchiveInfo("Thông báo", "thong-bao.png",
            ContentHash.of(new byte[] {1}), Instant.parse("2024-05-01T08:00:00Z"), "sohoa test"),
            TextLayerFont.locate())) {
      writer.addPage(image, alignment, text);
    }
    return pdf;
  }

  private static EncodedImage png(BufferedImage page) throws IOException {
    return new EncodedImage(1, ScanFiles.pngBytes(page, 300), InputFormat.PNG, page.getWidth(),
        page.getHeight(), DPI_300);
  }

  @Test
  void write_scanWithTextLayer_passesVeraPdfAsPdfA2u() throws Exception {
    Path pdf = write("a.pdf", png(notice.pages().get(0)), 0, notice.printed().get(0));

    PdfaValidation.Verdict verdict = PdfaValidation.validate(pdf);

    assertEquals("2u", verdict.flavour());
    assertTrue(verdict.compliant(), "veraPDF failures: " + verdict.failures());
  }

  @Test
  void write_textLayer_readsBackAsTheTextGiven() throws Exception {
    Path pdf = write("a.pdf", png(notice.pages().get(0)), 0, notice.printed().get(0));

    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      String text = new PDFTextStripper().getText(document);
      double cer = TextDistance.characterErrorRate(notice.truth().get(0), text);
      assertTrue(cer < 0.002, "CER " + cer + ":\n" + text);
    }
  }

  @Test
  void write_everyGlyphOfTheTextLayer_liesInsideItsWordsBox() throws Exception {
    PageText given = notice.printed().get(0);
    Path pdf = write("a.pdf", png(notice.pages().get(0)), 0, given);

    List<TextPosition> glyphs = glyphs(pdf);

    assertEquals(given.words().stream().mapToInt(w -> w.text().length()).sum(), glyphs.size());
    double pixelsPerPoint = 300 / 72.0;
    for (TextPosition glyph : glyphs) {
      double x = (glyph.getXDirAdj() + glyph.getWidthDirAdj() / 2) * pixelsPerPoint;
      double y = (glyph.getYDirAdj() - glyph.getHeightDir() / 2) * pixelsPerPoint;
      assertTrue(given.words().stream().anyMatch(w -> inside(w.box(), x, y, 6)),
          "glyph '" + glyph.getUnicode() + "' at " + (int) x + "," + (int) y + " px is in no word box");
    }
  }

  @Test
  void write_pageFedSideways_isShownUprightFromItsOwnBytes() throws Exception {
    BufferedImage upright = notice.pages().get(0);
    BufferedImage sideways = ScanRenderer.spoil(upright,
        ScanDefects.NONE.withQuarterTurns(1));
    EncodedImage scan = png(sideways);

    Path pdf = write("turned.pdf", scan, 3, notice.printed().get(0));

    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      PDPage page = document.getPage(0);
      assertTrue(page.getMediaBox().getHeight() > page.getMediaBox().getWidth(), "page is portrait");
      BufferedImage shown = new PDFRenderer(document).renderImageWithDPI(0, 75, ImageType.GRAY);
      BufferedImage expected = new PDFRenderer(Loader.loadPDF(
          write("upright.pdf", png(upright), 0, notice.printed().get(0)).toFile()))
          .renderImageWithDPI(0, 75, ImageType.GRAY);
      assertTrue(meanDifference(shown, expected) < 3, "turned page differs from the upright scan");
      String text = new PDFTextStripper().getText(document);
      assertTrue(TextDistance.characterErrorRate(notice.truth().get(0), text) < 0.002, text);
    }
    assertTrue(PdfaValidation.validate(pdf).compliant());
  }

  @Test
  void write_skewedScan_laysEachWordOnItsSkewedPrint() throws Exception {
    double skew = 2.0;
    BufferedImage skewed = ScanRenderer.spoil(notice.pages().get(0), ScanDefects.NONE.withSkew(skew));
    PageText straightText = notice.printed().get(0);

    Path pdf = write("skewed.pdf", png(skewed), new Alignment(0, skew), straightText);

    List<TextPosition> glyphs = glyphs(pdf);
    double pixelsPerPoint = 300 / 72.0;
    double cx = skewed.getWidth() / 2.0;
    double cy = skewed.getHeight() / 2.0;
    double cos = Math.cos(Math.toRadians(skew));
    double sin = Math.sin(Math.toRadians(skew));
    int onTheirWord = 0;
    for (TextPosition glyph : glyphs) {
      // PDFBox reports glyphs of rotated text in text space; take the glyph's page position.
      double x = glyph.getTextMatrix().getTranslateX() * pixelsPerPoint;
      double y = (glyph.getPageHeight() - glyph.getTextMatrix().getTranslateY()) * pixelsPerPoint;
      // Undo the skew to find where the glyph's baseline start sits on the straight page.
      double sx = cx + (x - cx) * cos + (y - cy) * sin;
      double sy = cy - (x - cx) * sin + (y - cy) * cos;
      if (straightText.words().stream().anyMatch(w -> inside(w.box(), sx, sy, 8))) {
        onTheirWord++;
      }
    }
    assertTrue(onTheirWord > glyphs.size() * 0.98,
        onTheirWord + " of " + glyphs.size() + " glyphs lie on their printed word");
    assertTrue(PdfaValidation.validate(pdf).compliant());
  }

  @Test
  void write_jpegScan_embedsTheJpegUnchanged() throws Exception {
    Path jpeg = dir.resolve("scan.jpg");
    ScanFiles.jpeg(notice.pages().get(0), 300, 0.8f, jpeg);
    byte[] bytes = Files.readAllBytes(jpeg);
    BufferedImage page = notice.pages().get(0);

    Path pdf = write("jpeg.pdf", new EncodedImage(1, bytes, InputFormat.JPEG, page.getWidth(),
        page.getHeight(), DPI_300), 0, notice.printed().get(0));

    StoredImage image = onlyImage(pdf);
    assertEquals(List.of(COSName.DCT_DECODE), image.filters());
    assertArrayEquals(bytes, image.raw());
    assertTrue(PdfaValidation.validate(pdf).compliant());
  }

  @Test
  void write_bilevelTiff_keepsItsGroup4Compression() throws Exception {
    Path tiff = dir.resolve("scan.tif");
    BufferedImage bilevel = ScanRenderer.bilevel(notice.pages().get(0));
    ScanFiles.tiff(List.of(bilevel), 300, tiff);

    Path pdf = write("tiff.pdf", new TiffPage(1, Files.readAllBytes(tiff), bilevel.getWidth(),
        bilevel.getHeight(), DPI_300), 0, notice.printed().get(0));

    assertEquals(List.of(COSName.CCITTFAX_DECODE), onlyImage(pdf).filters());
    assertTrue(PdfaValidation.validate(pdf).compliant());
    assertTrue(Files.size(pdf) < Files.size(tiff) + 60_000, "the PDF should be about the TIFF's size");
  }

  @Test
  void write_decodedBlackAndWhitePage_staysOneBitAndValid() throws Exception {
    BufferedImage bilevel = ScanRenderer.bilevel(notice.pages().get(0));

    Path pdf = write("bilevel.pdf", new RasterImage(1, bilevel, DPI_300), 0, notice.printed().get(0));

    assertTrue(PdfaValidation.validate(pdf).compliant());
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      PDImageXObject image = (PDImageXObject) document.getPage(0).getResources().getXObject(
          document.getPage(0).getResources().getXObjectNames().iterator().next());
      assertEquals(1, image.getBitsPerComponent());
      BufferedImage shown = new PDFRenderer(document).renderImageWithDPI(0, 300, ImageType.GRAY);
      assertTrue(meanDifference(shown, toGray(bilevel)) < 1, "the page shows the scan's own pixels");
    }
  }

  private static BufferedImage toGray(BufferedImage image) {
    BufferedImage gray = new BufferedImage(image.getWidth(), image.getHeight(),
        BufferedImage.TYPE_BYTE_GRAY);
    gray.getGraphics().drawImage(image, 0, 0, null);
    return gray;
  }

  @Test
  void write_wordWithCharactersTheFontLacks_dropsOnlyThoseCharacters() throws Exception {
    BufferedImage page = notice.pages().get(0);
    PageText odd = new PageText(page.getWidth(), page.getHeight(), List.of(
        new TextLine(List.of(new Word("Số\uE000:", new Box(300, 300, 500, 360), 80f)))),
        TextOrigin.OCR);

    Path pdf = write("odd.pdf", png(page), 0, odd);

    assertTrue(PdfaValidation.validate(pdf).compliant(), "no .notdef glyph may be shown");
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      assertEquals("Số:", new PDFTextStripper().getText(document).strip());
    }
  }

  @Test
  void write_wordsWhoseBoxesTouch_readBackWithTheSpaceBetweenThem() throws Exception {
    BufferedImage page = notice.pages().get(0);
    // As Tesseract boxes "trong nhóm 5 tỉnh": the box of "nhóm" runs up to the "5".
    PageText read = new PageText(page.getWidth(), page.getHeight(), List.of(new TextLine(List.of(
        new Word("trong", new Box(300, 300, 420, 345), 96f),
        new Word("nhóm", new Box(435, 300, 540, 345), 96f),
        new Word("5", new Box(540, 300, 560, 345), 96f),
        new Word("tỉnh,", new Box(578, 300, 668, 345), 96f)))), TextOrigin.OCR);

    Path pdf = write("touching.pdf", png(page), 0, read);

    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      assertEquals("trong nhóm 5 tỉnh,", new PDFTextStripper().getText(document).strip());
    }
    Process pdftotext = new ProcessBuilder("pdftotext", "-raw", "-enc", "UTF-8", pdf.toString(),
        "-").redirectErrorStream(true).start();
    String poppler = new String(pdftotext.getInputStream().readAllBytes(),
        StandardCharsets.UTF_8);
    assertEquals(0, pdftotext.waitFor(), poppler);
    assertEquals("trong nhóm 5 tỉnh,", poppler.strip());
  }

  /** The page's one image as stored: its filters and its still-encoded bytes. */
  private record StoredImage(List<COSName> filters, byte[] raw) {}

  private static StoredImage onlyImage(Path pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      PDPage page = document.getPage(0);
      List<PDImageXObject> images = new ArrayList<>();
      for (COSName name : page.getResources().getXObjectNames()) {
        if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
          images.add(image);
        }
      }
      assertEquals(1, images.size());
      try (InputStream raw = images.get(0).getCOSObject().createRawInputStream()) {
        return new StoredImage(images.get(0).getStream().getFilters(), raw.readAllBytes());
      }
    }
  }

  private static List<TextPosition> glyphs(Path pdf) throws IOException {
    List<TextPosition> glyphs = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      PDFTextStripper stripper = new PDFTextStripper() {
        @Override
        protected void writeString(String text, List<TextPosition> positions) {
          positions.stream().filter(p -> !p.getUnicode().isBlank()).forEach(glyphs::add);
        }
      };
      stripper.writeText(document, new StringWriter());
    }
    return glyphs;
  }

  private static boolean inside(Box box, double x, double y, double tolerance) {
    return x >= box.left() - tolerance && x <= box.right() + tolerance
        && y >= box.top() - tolerance && y <= box.bottom() + tolerance;
  }

  /** Mean grey difference over the common area (renderers may round a side by a pixel). */
  private static double meanDifference(BufferedImage a, BufferedImage b) {
    assertTrue(Math.abs(a.getWidth() - b.getWidth()) <= 1 && Math.abs(a.getHeight() - b.getHeight()) <= 1,
        a.getWidth() + "x" + a.getHeight() + " vs " + b.getWidth() + "x" + b.getHeight());
    int w = Math.min(a.getWidth(), b.getWidth());
    int h = Math.min(a.getHeight(), b.getHeight());
    long sum = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        sum += Math.abs(a.getRaster().getSample(x, y, 0) - b.getRaster().getSample(x, y, 0));
      }
    }
    return (double) sum / ((double) w * h);
  }
}
