package sohoa.testkit.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import sohoa.core.ocr.OcrEngine;
import sohoa.core.text.PageText;
import sohoa.core.text.TextLine;
import sohoa.testkit.fixtures.Fixtures;
import sohoa.testkit.fixtures.ScanDefects;

class ScriptedEngineTest {
  private static final Fixtures.Rendered NOTICE =
      Fixtures.render(Fixtures.NOTICE, 150, ScanDefects.NONE);
  private static final Fixtures.Rendered PLAN =
      Fixtures.render(Fixtures.PLAN, 150, ScanDefects.NONE);

  @Test
  void recognize_readsEachRenderedPageAsPrinted_inTheBoxesOfTheImageItIsGiven() throws Exception {
    try (OcrEngine engine = ScriptedEngine.reading(NOTICE, PLAN).create()) {
      assertEquals(NOTICE.truth().get(0), text(engine.recognize(NOTICE.pages().get(0), 150)));
      assertEquals(PLAN.truth().get(0), text(engine.recognize(PLAN.pages().get(0), 150)));
      BufferedImage larger = Fixtures.render(Fixtures.NOTICE, 300, new ScanDefects(0, 0, 0.002, true, 0))
          .pages().get(0);
      PageText read = engine.recognize(larger, 300);
      assertEquals(NOTICE.truth().get(0), text(read));
      assertEquals(larger.getWidth(), read.width());
      int firstLeft = NOTICE.printed().get(0).lines().get(0).words().get(0).box().left();
      int left = read.lines().get(0).words().get(0).box().left();
      assertTrue(Math.abs(left - 2 * firstLeft) <= 2, "boxes scaled to the larger image: "
          + left + " against " + firstLeft);
    }
  }

  @Test
  void recognize_readsAPageItWasNotGiven_asBlank() throws Exception {
    BufferedImage blank = new BufferedImage(1240, 1754, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = blank.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, blank.getWidth(), blank.getHeight());
    g.dispose();
    try (OcrEngine engine = ScriptedEngine.reading(NOTICE).create()) {
      assertTrue(engine.recognize(blank, 150).lines().isEmpty());
      assertTrue(engine.recognize(PLAN.pages().get(0), 150).lines().isEmpty(),
          "another document's page is not the notice");
    }
  }

  private static String text(PageText page) {
    return page.lines().stream().map(TextLine::text).collect(Collectors.joining("\n"));
  }
}
