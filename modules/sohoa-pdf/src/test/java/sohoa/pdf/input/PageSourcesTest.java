package sohoa.pdf.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sohoa.core.document.InputFormat;
import sohoa.core.error.EmptyInput;
import sohoa.core.error.EncryptedInput;
import sohoa.core.error.InputRejected;
import sohoa.core.error.InputTooLarge;
import sohoa.core.error.TruncatedInput;
import sohoa.core.text.Box;
import sohoa.core.text.PageText;
import sohoa.core.text.TextOrigin;
import sohoa.testkit.fixtures.FlateBombs;
import sohoa.testkit.fixtures.BadFiles;
import sohoa.testkit.fixtures.Fixtures;
import sohoa.testkit.fixtures.Fonts;
import sohoa.testkit.fixtures.Layout;
import sohoa.testkit.fixtures.ScanDefects;
import sohoa.testkit.fixtures.ScanFiles;
import sohoa.testkit.fixtures.ScanRenderer;
import sohoa.testkit.fixtures.TextDistance;

class PageSourcesTest {
  private static Fixtures.Rendered notice;
  @TempDir Path dir;

  @BeforeAll
  static void render() {
    notice = Fixtures.render(Fixtures.NOTICE, 300, ScanDefects.NONE);
  }

  private static PageSource open(Path file, InputFormat format) throws InputRejected {
    return PageSources.open(file, format, InputLimits.DEFAULT);
  }

  @Test
  void open_multiPageTiff_givesEachPageWithItsResolution() throws Exception {
    Path tiff = dir.resolve("two.tif");
    BufferedImage page = ScanRenderer.bilevel(notice.pages().get(0));
    ScanFiles.tiff(List.of(page, page), 300, tiff);

    try (PageSource source = open(tiff, InputFormat.TIFF)) {
      assertEquals(2, source.pageCount());
      PageImage second = source.page(2).image();
      assertInstanceOf(TiffPage.class, second);
      assertEquals(2, second.page());
      assertEquals(new Resolution(300, 300, false), round(second.resolution()));
      assertEquals(page.getWidth(), second.decode().getWidth());
    }
  }

  @Test
  void open_jpegAndPng_readTheirDeclaredResolution() throws Exception {
    Path jpeg = dir.resolve("scan.jpg");
    Path png = dir.resolve("scan.png");
    ScanFiles.jpeg(notice.pages().get(0), 200, 0.8f, jpeg);
    ScanFiles.png(notice.pages().get(0), 300, png);

    try (PageSource j = open(jpeg, InputFormat.JPEG); PageSource p = open(png, InputFormat.PNG)) {
      assertEquals(new Resolution(200, 200, false), round(j.page(1).image().resolution()));
      assertEquals(new Resolution(300, 300, false), round(p.page(1).image().resolution()));
    }
  }

  @Test
  void open_scannedPdf_givesThePageJpegUntouchedWithItsResolution() throws Exception {
    Path pdf = dir.resolve("scan.pdf");
    ScanFiles.scannedPdf(notice.pages(), 300, pdf);

    try (PageSource source = open(pdf, InputFormat.PDF)) {
      SourcePage page = source.page(1);
      EncodedImage image = assertInstanceOf(EncodedImage.class, page.image());
      assertEquals(InputFormat.JPEG, image.format());
      assertEquals(300, Math.round(image.resolution().x()));
      assertTrue(page.embeddedText().isEmpty(), "a scan has no text of its own");
    }
  }

  @Test
  void open_losslessScannedPdf_givesGroup4AndGreyPagesPixelForPixel() throws Exception {
    Path pdf = dir.resolve("lossless.pdf");
    BufferedImage bilevel = ScanRenderer.bilevel(notice.pages().get(0));
    BufferedImage gray = notice.pages().get(0);
    ScanFiles.losslessScannedPdf(List.of(bilevel, gray), 300, pdf);

    BufferedImage storedGray;
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      PDResources resources = document.getPage(1).getResources();
      storedGray = ((PDImageXObject) resources.getXObject(
          resources.getXObjectNames().iterator().next())).getImage();
    }
    try (PageSource source = open(pdf, InputFormat.PDF)) {
      BufferedImage first = source.page(1).image().decode();
      BufferedImage second = source.page(2).image().decode();
      assertEquals(BufferedImage.TYPE_BYTE_BINARY, first.getType());
      assertEquals(BufferedImage.TYPE_BYTE_GRAY, second.getType());
      for (int y = 0; y < gray.getHeight(); y += 7) {
        for (int x = 0; x < gray.getWidth(); x += 7) {
          assertEquals(bilevel.getRGB(x, y), first.getRGB(x, y), "bilevel pixel " + x + "," + y);
          assertEquals(storedGray.getRGB(x, y) & 0xff, second.getRaster().getSample(x, y, 0),
              "grey pixel " + x + "," + y + " as PDFBox itself decodes it");
        }
      }
      assertEquals(300, Math.round(source.page(1).image().resolution().x()));
    }
  }

  @Test
  void open_bornDigitalPdf_keepsItsOwnTextWithBoxes() throws Exception {
    Path pdf = dir.resolve("born-digital.pdf");
    Fonts fonts = Fonts.serif();
    ScanFiles.bornDigitalPdf(new Layout(fonts).place(Fixtures.NOTICE), fonts, pdf);

    try (PageSource source = open(pdf, InputFormat.PDF)) {
      SourcePage page = source.page(1);
      PageText text = page.embeddedText().orElseThrow();
      assertEquals(TextOrigin.EMBEDDED, text.origin());
      double cer = TextDistance.characterErrorRate(notice.truth().get(0), text.plainText());
      assertTrue(cer < 0.01, "CER " + cer + ":\n" + text.plainText());
      PageText printed = notice.printed().get(0);
      Box first = text.words().get(0).box();
      Box expected = printed.words().get(0).box();
      assertTrue(Math.abs(first.left() - expected.left()) < 10
          && Math.abs(first.bottom() - expected.bottom()) < 20, first + " vs " + expected);
    }
  }

  @Test
  void open_emptyFile_isRejectedAsEmpty() throws Exception {
    EmptyInput e = assertThrows(EmptyInput.class,
        () -> open(BadFiles.zeroBytes(dir.resolve("empty.pdf")), InputFormat.PDF));

    assertEquals("the file is empty (0 bytes)", e.getMessage());
  }

  @Test
  void open_truncatedJpegPngAndPdf_areRejectedAsCutShort() throws Exception {
    Path jpeg = dir.resolve("scan.jpg");
    Path png = dir.resolve("scan.png");
    Path pdf = dir.resolve("scan.pdf");
    ScanFiles.jpeg(notice.pages().get(0), 300, 0.8f, jpeg);
    ScanFiles.png(notice.pages().get(0), 300, png);
    ScanFiles.scannedPdf(notice.pages(), 300, pdf);

    for (var input : List.of(new Object[] {jpeg, InputFormat.JPEG}, new Object[] {png, InputFormat.PNG},
        new Object[] {pdf, InputFormat.PDF})) {
      Path cut = BadFiles.truncated((Path) input[0], dir.resolve("cut-" + input[0].hashCode()), 0.6);
      TruncatedInput e = assertThrows(TruncatedInput.class, () -> open(cut, (InputFormat) input[1]));
      assertTrue(e.getMessage().startsWith("the " + input[1] + " file is cut short"), e.getMessage());
      assertTrue(e.remedy().contains("copy it again"), e.remedy());
    }
  }

  @Test
  void open_truncatedTiff_isRejectedAsCutShortWhenItsPageIsDecoded() throws Exception {
    Path tiff = dir.resolve("scan.tif");
    ScanFiles.tiff(List.of(notice.pages().get(0)), 300, tiff);
    Path cut = BadFiles.truncated(tiff, dir.resolve("cut.tif"), 0.5);

    InputRejected e = assertThrows(InputRejected.class, () -> {
      try (PageSource source = open(cut, InputFormat.TIFF)) {
        source.page(1).image().decode();
      }
    });
    assertInstanceOf(TruncatedInput.class, e);
    assertEquals("page 1 ends before its image data does: the TIFF file is cut short",
        e.getMessage());
  }

  @Test
  void open_passwordProtectedPdf_isRejectedAsEncrypted() throws Exception {
    Path pdf = BadFiles.encryptedPdf(dir.resolve("locked.pdf"));

    EncryptedInput e = assertThrows(EncryptedInput.class, () -> open(pdf, InputFormat.PDF));

    assertEquals("the PDF is protected by a password and cannot be opened", e.getMessage());
  }

  @Test
  void open_imageDeclaringTenGigapixels_isRefusedFromItsHeader() throws Exception {
    Path bomb = BadFiles.pixelBomb(dir.resolve("bomb.png"), 100_000, 100_000);

    InputTooLarge e = assertThrows(InputTooLarge.class, () -> open(bomb, InputFormat.PNG));

    assertEquals("page 1 is 100000×100000 pixels (10000 megapixels); the limit is 150 megapixels",
        e.getMessage());
    assertTrue(Files.size(bomb) < 1000, "the bomb itself is tiny");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"content", "cross-reference", "object"})
  void open_streamInflatingToGigabytes_isRefusedBeforePdfBoxParsesIt(String kind)
      throws Exception {
    Path bomb = dir.resolve(kind + ".pdf");
    switch (kind) {
      case "content" -> FlateBombs.streamBomb(bomb, 1024);
      case "cross-reference" -> FlateBombs.xrefStreamBomb(bomb, 4096);
      default -> FlateBombs.objectStreamBomb(bomb, 4096);
    }

    InputTooLarge e = assertThrows(InputTooLarge.class, () -> open(bomb, InputFormat.PDF));

    assertEquals("a stream in the PDF inflates to more than 64 MB (a decompression bomb, or a"
        + " badly broken file)", e.getMessage());
    assertTrue(Files.size(bomb) < 5_000_000, "gigabytes inflated, " + Files.size(bomb)
        + " bytes on disk");
  }

  @Test
  void open_scanWithAnImageLargerThanTheStreamLimit_opens() throws Exception {
    Path scan = FlateBombs.largeFlateImage(dir.resolve("ban-quet-600dpi.pdf"), 100);

    try (PageSource pages = open(scan, InputFormat.PDF)) {
      assertEquals(1, pages.pageCount());
    }
  }

  @Test
  void open_pixelLimit_isConfigurable() throws Exception {
    Path png = dir.resolve("scan.png");
    ScanFiles.png(notice.pages().get(0), 300, png);

    assertThrows(InputTooLarge.class,
        () -> PageSources.open(png, InputFormat.PNG, InputLimits.DEFAULT.withMaxPixels(1_000_000)));
  }

  private static Resolution round(Resolution r) {
    return new Resolution(Math.round(r.x()), Math.round(r.y()), r.assumed());
  }
}
