package sohoa.sign.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.itextpdf.kernel.exceptions.MemoryLimitsAwareException;
import com.itextpdf.kernel.pdf.PdfDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohoa.testkit.fixtures.FlateBombs;
import sohoa.testkit.fixtures.Fixtures;
import sohoa.testkit.fixtures.ScanDefects;
import sohoa.testkit.fixtures.ScanFiles;

class BoundedReadersTest {
  @TempDir Path dir;

  @Test
  void open_crossReferenceStreamBomb_isRefusedBeforeItIsInflated() throws Exception {
    Path bomb = FlateBombs.xrefStreamBomb(dir.resolve("bom-bang-xref.pdf"), 4096);

    MemoryLimitsAwareException e = assertThrows(MemoryLimitsAwareException.class,
        () -> BoundedReaders.open(bomb));
    assertEquals(BoundedReaders.OVER_LIMIT, e.getMessage());
    assertThrows(MemoryLimitsAwareException.class,
        () -> BoundedReaders.open(Files.readAllBytes(bomb)));
  }

  @Test
  void open_objectStreamBomb_isRefusedBeforeItIsInflated() throws Exception {
    Path bomb = FlateBombs.objectStreamBomb(dir.resolve("bom-luong-doi-tuong.pdf"), 4096);

    assertThrows(MemoryLimitsAwareException.class, () -> BoundedReaders.open(bomb));
  }

  @Test
  void open_contentStreamBomb_isRefusedBeforeItIsInflated() throws Exception {
    Path bomb = FlateBombs.streamBomb(dir.resolve("bom-noi-dung.pdf"), 1024);

    assertThrows(MemoryLimitsAwareException.class, () -> BoundedReaders.open(bomb));
  }

  @Test
  void open_scanWithAnImageLargerThanTheLimit_opens() throws Exception {
    Path scan = FlateBombs.largeFlateImage(dir.resolve("ban-quet-600dpi.pdf"), 100);

    try (PdfDocument pdf = new PdfDocument(BoundedReaders.open(scan))) {
      assertEquals(1, pdf.getNumberOfPages());
    }
  }

  @Test
  void open_ordinaryScan_opens() throws Exception {
    Path scan = dir.resolve("thong-bao.pdf");
    ScanFiles.scannedPdf(List.of(Fixtures.render(Fixtures.NOTICE, 150, ScanDefects.NONE).pages()
        .get(0)), 150, scan);

    try (PdfDocument pdf = new PdfDocument(BoundedReaders.open(Files.readAllBytes(scan)))) {
      assertEquals(1, pdf.getNumberOfPages());
    }
  }
}
