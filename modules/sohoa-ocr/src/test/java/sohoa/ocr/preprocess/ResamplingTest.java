package sohoa.ocr.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ResamplingTest {

  @Test
  void enlarge_twoHundredToThreeHundredDpi_scalesSizeAndKeepsShapesInPlace() {
    BufferedImage page = new BufferedImage(400, 600, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = page.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 400, 600);
    g.setColor(Color.BLACK);
    g.fillRect(100, 200, 40, 20);
    g.dispose();

    BufferedImage enlarged = Resampling.enlarge(page, 1.5, false);

    assertEquals(600, enlarged.getWidth());
    assertEquals(900, enlarged.getHeight());
    assertEquals(0, enlarged.getRaster().getSample(180, 315, 0), "inside the square");
    assertEquals(255, enlarged.getRaster().getSample(145, 315, 0), "left of it");
    assertEquals(255, enlarged.getRaster().getSample(180, 336, 0), "below it");
  }

  @Test
  void enlarge_shrinking_isRefused() {
    BufferedImage page = new BufferedImage(10, 10, BufferedImage.TYPE_BYTE_GRAY);

    assertThrows(IllegalArgumentException.class, () -> Resampling.enlarge(page, 0.5, false));
  }
}
