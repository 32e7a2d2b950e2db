package sohoa.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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

    Recognition read = new PageRecognizer(engines, false).read(scan, 300);

    assertEquals((4 - turns) % 4, read.alignment().quarterTurns());
    assertEquals(skew, read.alignment().skewDegrees(), 0.15);
    double cer = TextDistance.characterErrorRate(notice.truth().get(0), read.text().plainText());
    assertTrue(cer < 0.01, "CER " + cer + ":\n" + read.text().plainText());
    assertTrue(read.syllables() > 100, "syllables checked: " + read.syllables());
  }
}
