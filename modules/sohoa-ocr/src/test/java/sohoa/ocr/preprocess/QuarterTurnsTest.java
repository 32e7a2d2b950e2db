package sohoa.ocr.preprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class QuarterTurnsTest {
  private static BufferedImage marked() {
    BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
    image.getRaster().setSample(0, 0, 0, 200); // top left
    image.getRaster().setSample(2, 1, 0, 100); // bottom right
    return image;
  }

  @Test
  void clockwise_oneTurn_movesTopLeftToTopRightAndSwapsSides() {
    BufferedImage turned = QuarterTurns.clockwise(marked(), 1);

    assertEquals(2, turned.getWidth());
    assertEquals(3, turned.getHeight());
    assertEquals(200, turned.getRaster().getSample(1, 0, 0));
    assertEquals(100, turned.getRaster().getSample(0, 2, 0));
  }

  @Test
  void clockwise_fourTurns_giveTheSamePixels() {
    BufferedImage image = marked();
    BufferedImage turned = image;
    for (int i = 0; i < 4; i++) {
      turned = QuarterTurns.clockwise(turned, 1);
    }

    assertArrayEquals(image.getRaster().getPixels(0, 0, 3, 2, (int[]) null),
        turned.getRaster().getPixels(0, 0, 3, 2, (int[]) null));
  }

  @Test
  void clockwise_noTurn_returnsTheImageItself() {
    BufferedImage image = marked();

    assertSame(image, QuarterTurns.clockwise(image, 0));
    assertSame(image, QuarterTurns.clockwise(image, 4));
  }
}
