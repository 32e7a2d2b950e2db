package sohoa.ocr.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sohoa.testkit.fixtures.Fixtures;
import sohoa.testkit.fixtures.ScanDefects;
import sohoa.testkit.fixtures.ScanRenderer;

class DeskewTest {
  private static BufferedImage straight;

  @BeforeAll
  static void render() {
    straight = Fixtures.render(Fixtures.NOTICE, 300, ScanDefects.NONE).pages().get(0);
  }

  @ParameterizedTest(name = "a page skewed {0}°")
  @ValueSource(doubles = {-3.0, -1.2, -0.4, 0.6, 1.5, 2.5, 3.0})
  void measure_skewedPage_findsTheAngleWithinATenthOfADegree(double skew) {
    BufferedImage skewed = ScanRenderer.spoil(straight, ScanDefects.NONE.withSkew(skew));

    assertEquals(skew, Deskew.measure(skewed, 300), 0.1);
  }

  @Test
  void measure_at200Dpi_stillFindsTheAngle() {
    BufferedImage page = Fixtures.render(Fixtures.NOTICE, 200, ScanDefects.NONE.withSkew(-1.8))
        .pages().get(0);

    assertEquals(-1.8, Deskew.measure(page, 200), 0.1);
  }

  @Test
  void measure_straightPage_isZero() {
    assertEquals(0.0, Deskew.measure(straight, 300));
  }

  @Test
  void measure_blankPage_isZero() {
    BufferedImage blank = new BufferedImage(2480, 3508, BufferedImage.TYPE_BYTE_GRAY);
    blank.getGraphics().fillRect(0, 0, 2480, 3508);

    assertEquals(0.0, Deskew.measure(blank, 300));
  }

  @Test
  void straighten_thenMeasure_leavesNoSkew() {
    BufferedImage skewed = ScanRenderer.spoil(straight, ScanDefects.NONE.withSkew(2.2));

    BufferedImage straightened = Deskew.straighten(skewed, Deskew.measure(skewed, 300));

    assertEquals(0.0, Deskew.measure(straightened, 300), 0.1);
  }
}
