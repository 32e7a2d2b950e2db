package sohoa.ocr.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class GrayscaleTest {

  @Test
  void inkBounds_ignoresSpecksAndScannerEdges() {
    BufferedImage page = new BufferedImage(1000, 1400, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = page.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 1000, 1400);
    g.setColor(Color.BLACK);
    for (int y = 200; y < 500; y += 30) {
      g.fillRect(100, y, 800, 12);
    }
    g.fillRect(0, 0, 3, 1400);
    g.fillRect(950, 1300, 2, 2);
    g.dispose();

    Rectangle ink = Grayscale.inkBounds(page);

    assertTrue(Math.abs(ink.x - 100) <= 8 && Math.abs(ink.y - 200) <= 8, "ink at " + ink);
    assertTrue(Math.abs(ink.x + ink.width - 900) <= 8, "ink at " + ink);
    assertTrue(Math.abs(ink.y + ink.height - 482) <= 8, "ink at " + ink);
  }

  @Test
  void inkBounds_blankPage_isTheWholePage() {
    BufferedImage page = new BufferedImage(300, 400, BufferedImage.TYPE_BYTE_GRAY);
    page.getGraphics().fillRect(0, 0, 300, 400);

    assertEquals(new Rectangle(0, 0, 300, 400), Grayscale.inkBounds(page));
  }
}
