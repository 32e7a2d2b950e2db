package sohoa.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohoa.core.document.InputFormat;
import sohoa.core.error.UnsupportedInput;
import sohoa.testkit.fixtures.BadFiles;
import sohoa.testkit.fixtures.ScanFiles;

class ContentTypeDetectorTest {
  private static final BufferedImage PAGE = new BufferedImage(200, 300, BufferedImage.TYPE_BYTE_GRAY);
  private final ContentTypeDetector detector = new ContentTypeDetector();
  @TempDir Path dir;

  @Test
  void detect_judgesByContentNotByName() throws Exception {
    Path jpegNamedPdf = dir.resolve("scan.pdf");
    ScanFiles.jpeg(PAGE, 300, 0.8f, jpegNamedPdf);
    Path tiffNamedPng = dir.resolve("scan.png");
    ScanFiles.tiff(List.of(PAGE), 300, tiffNamedPng);
    Path pdfWithoutExtension = dir.resolve("ho-so");
    ScanFiles.scannedPdf(List.of(PAGE), 300, pdfWithoutExtension);
    Path png = dir.resolve("scan.jpg");
    ScanFiles.png(PAGE, 300, png);

    assertEquals(InputFormat.JPEG, detector.detect(jpegNamedPdf));
    assertEquals(InputFormat.TIFF, detector.detect(tiffNamedPng));
    assertEquals(InputFormat.PDF, detector.detect(pdfWithoutExtension));
    assertEquals(InputFormat.PNG, detector.detect(png));
  }

  @Test
  void detect_textFile_isUnsupportedAndSaysWhatItIs() throws Exception {
    Path text = BadFiles.notAScan(dir.resolve("danh-sach.jpg"));

    UnsupportedInput e = assertThrows(UnsupportedInput.class, () -> detector.detect(text));

    assertEquals("the content is text/plain, not a scanned image (TIFF, PNG, JPEG) or a PDF",
        e.getMessage());
  }

  @Test
  void detect_zipArchive_isUnsupported() throws Exception {
    Path zip = Files.write(dir.resolve("scans.tif"),
        new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});

    assertThrows(UnsupportedInput.class, () -> detector.detect(zip));
  }
}
