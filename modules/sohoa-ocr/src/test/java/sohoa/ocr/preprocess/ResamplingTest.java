package sohoa.ocr.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Random;
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

  /**
   * The OCR figures were measured on pages Java2D enlarged; its drawImage under the bicubic hint
   * stays the reference, on noise (every weight and the clamping show), hard edges, the sizes
   * where a table position or an edge is off by one, and page-long rows and columns.
   */
  @Test
  void bicubic_givesTheBytesJava2dBicubicGives() {
    Random random = new Random(7);
    // Strips as long as an A4 page's sides at 200 dpi: the fixed-point steps add up over them.
    int[][] sizes = {{1, 1}, {2, 3}, {5, 4}, {17, 9}, {64, 64}, {251, 137}, {2339, 3}, {3, 1654}};
    double[] factors = {1, 1.07, 4.0 / 3, 1.5, 1.875, 2, 3, 7.9};
    for (int[] size : sizes) {
      for (double factor : factors) {
        BufferedImage page = new BufferedImage(size[0], size[1], BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels = Grayscale.pixels(page);
        random.nextBytes(pixels);
        if (Math.min(size[0], size[1]) > 16) {
          // Ink on paper: the overshoot a cubic gives at a hard edge must clamp as Java2D's does.
          Graphics2D g = page.createGraphics();
          g.setColor(Color.WHITE);
          g.fillRect(0, 0, size[0] / 2, size[1]);
          g.setColor(Color.BLACK);
          g.fillRect(size[0] / 8, size[1] / 8, size[0] / 4, size[1] / 4);
          g.dispose();
        }

        BufferedImage enlarged = Resampling.bicubic(page,
            (int) Math.round(size[0] * factor), (int) Math.round(size[1] * factor));

        BufferedImage reference = new BufferedImage(enlarged.getWidth(), enlarged.getHeight(),
            BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = reference.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION,
            RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.drawImage(page, 0, 0, reference.getWidth(), reference.getHeight(), null);
        g.dispose();
        assertEquals(-1, Arrays.mismatch(Grayscale.pixels(reference), Grayscale.pixels(enlarged)),
            size[0] + "x" + size[1] + " enlarged " + factor + " times");
      }
    }
  }

  @Test
  void enlarge_shrinking_isRefused() {
    BufferedImage page = new BufferedImage(10, 10, BufferedImage.TYPE_BYTE_GRAY);

    assertThrows(IllegalArgumentException.class, () -> Resampling.enlarge(page, 0.5, false));
  }
}
