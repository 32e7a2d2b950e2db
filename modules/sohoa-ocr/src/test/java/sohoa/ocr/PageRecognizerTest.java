package sohoa.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sohoa.core.text.Word;
import sohoa.ocr.tesseract.TesseractEngine;
import sohoa.testkit.fixtures.Fixtures;
import sohoa.testkit.fixtures.ScanDefects;
import sohoa.testkit.fixtures.ScanRenderer;
import sohoa.testkit.fixtures.TextDistance;

class PageRecognizerTest {
  private static EnginePool engines;
  private static Fixtures.Rendered notice;

  @BeforeAll
  static void start() {
    engines = new EnginePool(1, () -> TesseractEngine.open(OcrConfig.vietnamese()));
    notice = Fixtures.render(Fixtures.NOTICE, 300, ScanDefects.NONE);
  }

  @AfterAll
  static void stop() {
    engines.close();
  }

  @ParameterizedTest(name = "skewed {0}°, turned {1} quarter turns clockwise")
  @CsvSource({"3.0,0", "-3.0,0", "1.5,1", "-2.0,2", "2.5,3", "0,0"})
  void read_skewedAndTurnedPage_readsUprightWithinOnePercentCer(double skew, int turns)
      throws Exception {
    BufferedImage scan = ScanRenderer.spoil(notice.pages().get(0),
        new ScanDefects(skew, turns, 0.0002, false, 7));

    Recognition read = new PageRecognizer(engines, OcrConfig.vietnamese(), false).read(scan, 300);

    assertEquals((4 - turns) % 4, read.alignment().quarterTurns());
    assertEquals(skew, read.alignment().skewDegrees(), 0.15);
    double cer = TextDistance.characterErrorRate(notice.truth().get(0), read.text().plainText());
    assertTrue(cer < 0.01, "CER " + cer + ":\n" + read.text().plainText());
    assertTrue(read.syllables() > 100, "syllables checked: " + read.syllables());
  }

  @Test
  void read_twoHundredDpiScan_readsItEnlargedAndGivesBoxesOnTheScan() throws Exception {
    Fixtures.Rendered coarse = Fixtures.render(Fixtures.NOTICE, 200, ScanDefects.NONE);
    BufferedImage scan = coarse.pages().get(0);

    Recognition read = new PageRecognizer(engines, OcrConfig.vietnamese(), false).read(scan, 200);

    assertEquals(300, read.readAtDpi());
    assertEquals(scan.getWidth(), read.text().width());
    assertEquals(scan.getHeight(), read.text().height());
    for (Word word : read.text().words()) {
      assertTrue(word.box().right() <= scan.getWidth() && word.box().bottom() <= scan.getHeight(),
          word + " lies outside the " + scan.getWidth() + "x" + scan.getHeight() + " scan");
    }
    double cer = TextDistance.characterErrorRate(coarse.truth().get(0), read.text().plainText());
    assertTrue(cer < 0.01, "CER " + cer + ":\n" + read.text().plainText());
  }

  @Test
  void read_scanWithDeepShadow_evensThePaperAndReadsWithinOnePercentCer() throws Exception {
    BufferedImage scan = ScanRenderer.spoil(notice.pages().get(0),
        new ScanDefects(1.0, 0, 0.0002, false, 5).withShadow(0.7));

    Recognition read = new PageRecognizer(engines, OcrConfig.vietnamese(), true).read(scan, 300);

    double cer = TextDistance.characterErrorRate(notice.truth().get(0), read.text().plainText());
    assertTrue(cer < 0.01, "CER " + cer + ":\n" + read.text().plainText());
    assertTrue(read.paperEvened());
    assertTrue(read.cleaned().isPresent(), "the cleaned image is kept when asked for");
  }

  @Test
  void read_cleanScan_keepsNoCleanedImage() throws Exception {
    Recognition read = new PageRecognizer(engines, OcrConfig.vietnamese(), true)
        .read(notice.pages().get(0), 300);

    assertFalse(read.paperEvened());
    assertTrue(read.cleaned().isEmpty());
    assertEquals(300, read.readAtDpi());
  }

  @Test
  void read_scanWithoutDeclaredResolution_estimatesItFromTheLetters() throws Exception {
    BufferedImage scan = Fixtures.render(Fixtures.NOTICE, 200, ScanDefects.NONE).pages().get(0);

    Recognition read =
        new PageRecognizer(engines, OcrConfig.vietnamese(), false).read(scan, 300, false);

    assertEquals(OptionalInt.of(200), read.estimatedDpi());
    assertEquals(300, read.readAtDpi(), "read enlarged to the reading resolution");
  }
}
