package sohoa.ocr.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sohoa.testkit.fixtures.Fixtures;
import sohoa.testkit.fixtures.ScanDefects;
import sohoa.testkit.fixtures.ScanRenderer;

class LineDirectionTest {
  private static BufferedImage upright;

  @BeforeAll
  static void render() {
    upright = Fixtures.render(Fixtures.NOTICE, 300, ScanDefects.NONE).pages().get(0);
  }

  @ParameterizedTest(name = "turned {0} quarter turns, skewed {1}°: lines run {2}")
  @CsvSource({"0,0,ACROSS", "2,2.5,ACROSS", "0,-3,ACROSS", "1,0,DOWN", "3,1.5,DOWN", "1,-2.5,DOWN"})
  void of_turnedAndSkewedPage_tellsWhichWayTheLinesRun(int turns, double skew,
      LineDirection expected) {
    BufferedImage scan = ScanRenderer.spoil(upright, new ScanDefects(skew, turns, 0.0002, false, 3));

    assertEquals(expected, LineDirection.of(scan, 300));
  }

  @Test
  void of_blankPage_isUnclear() {
    BufferedImage blank = new BufferedImage(2480, 3508, BufferedImage.TYPE_BYTE_GRAY);
    blank.getGraphics().fillRect(0, 0, 2480, 3508);

    assertEquals(LineDirection.UNCLEAR, LineDirection.of(blank, 300));
  }

  @Test
  void of_evenGrid_isUnclear() {
    BufferedImage grid = new BufferedImage(2480, 3508, BufferedImage.TYPE_BYTE_GRAY);
    var g = grid.createGraphics();
    g.fillRect(0, 0, 2480, 3508);
    g.setColor(java.awt.Color.BLACK);
    for (int i = 100; i < 2400; i += 60) {
      g.fillRect(i, 100, 6, 2300);
      g.fillRect(100, i, 2300, 6);
    }
    g.dispose();

    assertEquals(LineDirection.UNCLEAR, LineDirection.of(grid, 300));
  }
}
