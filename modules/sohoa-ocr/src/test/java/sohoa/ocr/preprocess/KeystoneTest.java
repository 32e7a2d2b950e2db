package sohoa.ocr.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sohoa.testkit.fixtures.Fixtures;
import sohoa.testkit.fixtures.OldRecords;
import sohoa.testkit.fixtures.ScanDefects;

/**
 * A full page of text photographed in perspective ({@link OldRecords#keystoned}): its lines
 * converge by the given degrees from the top of the sheet to the bottom. Its print covers a little
 * over half the sheet's height, so the lines of print converge by about 0.57 of that.
 */
class KeystoneTest {
  private static final int DPI = 200;
  private static BufferedImage flat;

  @BeforeAll
  static void render() {
    flat = Fixtures.render(Fixtures.PLAN, DPI, ScanDefects.NONE).pages().get(0);
  }

  /**
   * The plan photographed in perspective, prepared as a page is before its perspective is
   * measured: the table the sheet lay on erased, the page straightened.
   */
  private static BufferedImage photographed(double degrees) {
    BufferedImage paper = Paper.find(Background.flatten(OldRecords.keystoned(flat, degrees), DPI),
        DPI).reading();
    return Deskew.straighten(paper, Deskew.measure(paper, DPI));
  }

  @ParameterizedTest(name = "lines converging {0}° over the page")
  @ValueSource(doubles = {-6, -3, 3, 4})
  void measure_photographedPage_findsHowFarItsLinesConverge(double degrees) {
    Keystone keystone = Keystone.measure(photographed(degrees), DPI);

    // The fixture's angle counts the whole sheet; the measure, the lines of print.
    double share = -keystone.degrees() / degrees;
    assertTrue(share > 0.45 && share < 0.7, "measured " + keystone.degrees() + "°");
  }

  @ParameterizedTest(name = "lines converging {0}° over the page")
  @ValueSource(doubles = {-6, 4})
  void rectify_photographedPage_leavesItsLinesParallel(double degrees) {
    BufferedImage photo = photographed(degrees);

    BufferedImage rectified = Keystone.measure(photo, DPI).rectify(photo);

    int h = rectified.getHeight();
    double upper = Deskew.measure(rectified.getSubimage(0, h / 10, rectified.getWidth(),
        h * 3 / 10), DPI);
    double lower = Deskew.measure(rectified.getSubimage(0, h * 2 / 5, rectified.getWidth(),
        h * 3 / 10), DPI);
    assertEquals(upper, lower, 0.15, "upper lines " + upper + "°, lower " + lower + "°");
    assertEquals(0, lower, 0.15, "the lines are left level");
  }

  @Test
  void measure_scannedPage_findsNone() {
    assertSame(Keystone.NONE, Keystone.measure(flat, DPI));
  }

  @Test
  void measure_slightPerspective_isLeftAsPhotographed() {
    // 1.5° over the sheet is 0.85° over the print: read as well as it is.
    assertSame(Keystone.NONE, Keystone.measure(photographed(1.5), DPI));
  }

  @Test
  void measure_tooFewLinesToShowATrend_findsNone() {
    BufferedImage notice = Fixtures.render(Fixtures.NOTICE, DPI, ScanDefects.NONE).pages().get(0);

    assertSame(Keystone.NONE, Keystone.measure(OldRecords.keystoned(notice, 6), DPI));
  }

  @Test
  void measure_blankPage_findsNone() {
    BufferedImage blank = new BufferedImage(1654, 2339, BufferedImage.TYPE_BYTE_GRAY);
    blank.getGraphics().fillRect(0, 0, 1654, 2339);

    assertSame(Keystone.NONE, Keystone.measure(blank, DPI));
  }

  @Test
  void unrectified_afterAHalfTurn_isTheSamePointTurned() {
    BufferedImage photo = photographed(5);
    Keystone keystone = Keystone.measure(photo, DPI);
    int w = photo.getWidth();
    int h = photo.getHeight();

    Point2D.Double upright = keystone.unrectified(300, 400);
    Point2D.Double turned = keystone.halfTurned().unrectified(w - 300, h - 400);

    assertEquals(w - upright.x, turned.x, 1e-6);
    assertEquals(h - upright.y, turned.y, 1e-6);
    assertTrue(Math.abs(upright.x - 300) + Math.abs(upright.y - 400) > 1,
        "a perspective of 5° moves a point near the corner: " + upright);
  }

  @Test
  void resizedTo_twiceAsLarge_mapsPointsTwiceAsFar() {
    BufferedImage photo = photographed(5);
    Keystone keystone = Keystone.measure(photo, DPI);

    Point2D.Double small = keystone.unrectified(300, 400);
    Point2D.Double large = keystone.resizedTo(photo.getWidth() * 2, photo.getHeight() * 2)
        .unrectified(600, 800);

    assertEquals(small.x * 2, large.x, 1e-6);
    assertEquals(small.y * 2, large.y, 1e-6);
  }
}
