package sohoa.ocr.preprocess;

import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sohoa.testkit.fixtures.Fixtures;
import sohoa.testkit.fixtures.ScanDefects;
import sohoa.testkit.fixtures.ScanRenderer;

class BackgroundTest {
  private static BufferedImage page;

  @BeforeAll
  static void render() {
    page = Fixtures.render(Fixtures.NOTICE, 300, ScanDefects.NONE).pages().get(0);
  }

  @Test
  void flatten_evenPaper_leavesThePageAsItIs() {
    BufferedImage tinted = ScanRenderer.spoil(page, ScanDefects.NONE.withShadow(0.08));

    assertSame(tinted, Background.flatten(tinted, 300));
  }

  @Test
  void flatten_shadowedPage_makesThePaperWhiteAndKeepsTheInkDark() {
    BufferedImage shadowed = ScanRenderer.spoil(page, ScanDefects.NONE.withShadow(0.6));

    BufferedImage flat = Background.flatten(shadowed, 300);

    assertNotSame(shadowed, flat);
    int x = shadowed.getWidth() - 60;
    int y = shadowed.getHeight() - 60;
    assertTrue(value(shadowed, x, y) < 120, "the shadowed corner is dark before: " + value(shadowed, x, y));
    assertTrue(value(flat, x, y) > 240, "paper in the shadow after: " + value(flat, x, y));
    assertTrue(value(flat, 60, 60) > 240, "paper in the light after: " + value(flat, 60, 60));
    assertTrue(darkest(flat) < 80, "ink is still dark: " + darkest(flat));
  }

  @Test
  void flatten_doesNotChangeItsInput() {
    BufferedImage shadowed = ScanRenderer.spoil(page, ScanDefects.NONE.withShadow(0.6));
    int before = value(shadowed, shadowed.getWidth() - 60, 60);

    Background.flatten(shadowed, 300);

    assertTrue(value(shadowed, shadowed.getWidth() - 60, 60) == before);
  }

  private static int value(BufferedImage image, int x, int y) {
    return image.getRaster().getSample(x, y, 0);
  }

  /** The darkest pixel in the right half, where the shadow was deepest. */
  private static int darkest(BufferedImage image) {
    int darkest = 255;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = image.getWidth() / 2; x < image.getWidth(); x++) {
        darkest = Math.min(darkest, value(image, x, y));
      }
    }
    return darkest;
  }
}
