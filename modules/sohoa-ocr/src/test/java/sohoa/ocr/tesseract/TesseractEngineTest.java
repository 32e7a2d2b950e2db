package sohoa.ocr.tesseract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sohoa.core.error.OcrUnavailable;
import sohoa.core.text.PageText;
import sohoa.core.text.TextOrigin;
import sohoa.core.text.Word;
import sohoa.ocr.OcrConfig;
import sohoa.ocr.preprocess.QuarterTurns;
import sohoa.testkit.fixtures.Fixtures;
import sohoa.testkit.fixtures.ScanDefects;
import sohoa.testkit.fixtures.TextDistance;

class TesseractEngineTest {
  private static TesseractEngine engine;
  private static Fixtures.Rendered clean;

  @BeforeAll
  static void start() throws Exception {
    engine = TesseractEngine.open(OcrConfig.vietnamese());
    clean = Fixtures.render(Fixtures.NOTICE, 300, ScanDefects.NONE);
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  @Test
  void recognize_cleanVietnamesePage_keepsDiacriticsWithinOnePercentCer() throws Exception {
    PageText text = engine.recognize(clean.pages().get(0), 300);

    double cer = TextDistance.characterErrorRate(clean.truth().get(0), text.plainText());
    assertTrue(cer < 0.01, "CER " + cer + " on:\n" + text.plainText());
    assertTrue(text.plainText().contains("Ủy ban nhân dân xã Quảng Phú"), text.plainText());
    assertEquals(TextOrigin.OCR, text.origin());
  }

  @Test
  void recognize_wordsHaveBoxesOnThePageAndConfidences() throws Exception {
    BufferedImage page = clean.pages().get(0);
    PageText text = engine.recognize(page, 300);

    assertTrue(text.words().size() > 100, "words: " + text.words().size());
    for (Word word : text.words()) {
      assertTrue(word.box().right() <= page.getWidth() && word.box().bottom() <= page.getHeight(),
          word + " lies outside the page");
      assertTrue(word.box().height() < 120, word + " is taller than a 13 pt line at 300 dpi");
    }
    assertTrue(text.meanConfidence() > 85, "mean confidence " + text.meanConfidence());
    Word first = text.lines().get(0).words().get(0);
    assertEquals("THÔNG", first.text());
  }

  @Test
  void recognize_blankPage_givesNoLines() throws Exception {
    BufferedImage blank = new BufferedImage(800, 1000, BufferedImage.TYPE_BYTE_GRAY);
    blank.getGraphics().fillRect(0, 0, 800, 1000);

    PageText text = engine.recognize(blank, 300);

    assertTrue(text.lines().isEmpty(), "blank page read as: " + text.plainText());
    assertEquals(0f, text.meanConfidence());
  }

  @ParameterizedTest(name = "a page turned {0} quarter turns clockwise")
  @ValueSource(ints = {0, 1, 2, 3})
  void uprightTurns_turnedPage_saysHowToTurnItBack(int turned) throws Exception {
    BufferedImage page = QuarterTurns.clockwise(clean.pages().get(0), turned);

    int back = engine.uprightTurns(page, 300);

    assertEquals((4 - turned) % 4, back);
    PageText text = engine.recognize(QuarterTurns.clockwise(page, back), 300);
    double cer = TextDistance.characterErrorRate(clean.truth().get(0), text.plainText());
    assertTrue(cer < 0.01, "CER " + cer + " after turning back");
  }

  @Test
  void open_missingLanguage_namesTheDebianPackage() {
    OcrUnavailable e = assertThrows(OcrUnavailable.class,
        () -> TesseractEngine.open(new OcrConfig("khm", OcrConfig.DEBIAN_TESSDATA, false,
            OcrConfig.DEFAULT_READING_DPI)));

    assertEquals("the Tesseract language model 'khm' is not in " + OcrConfig.DEBIAN_TESSDATA,
        e.getMessage());
    assertTrue(e.remedy().contains("apt-get install tesseract-ocr-khm"), e.remedy());
  }

  @Test
  void open_missingModelFolder_saysWhereItLooked() {
    Path nowhere = Path.of("/nonexistent/tessdata");
    OcrUnavailable e = assertThrows(OcrUnavailable.class,
        () -> TesseractEngine.open(new OcrConfig("vie", nowhere, false,
            OcrConfig.DEFAULT_READING_DPI)));

    assertTrue(e.getMessage().contains(nowhere.toString()), e.getMessage());
  }
}
