package sohoa.ocr.preprocess;

import java.util.List;
import java.util.OptionalInt;

/**
 * The resolution a page was scanned at, judged from the size of its letters, for scans whose file
 * does not say or says nonsense (a JPEG from a phone declares 72 dpi). Decree 30/2020/NĐ-CP sets
 * the body text of administrative documents in 13 or 14 point; the core of such a line (the band of
 * its lower-case letters, {@link LineBands}) is 0.0867 inch high on the development set, 26 pixels
 * at 300 dpi and 18 at 200, on every page. The estimate is rounded to the resolution scanners offer
 * when one is near.
 */
public final class TextSize {
  /** Height of a body-text line's core in inches. */
  static final double CORE_INCHES = 0.0867;
  /** Fewer lines than this are not enough to take a median from. */
  private static final int MIN_LINES = 5;
  private static final int[] SCANNER_DPI = {100, 150, 200, 240, 300, 400, 600};
  /** Rounded to a scanner's resolution within this share of it. */
  private static final double NEAR = 0.12;

  private TextSize() {}

  /**
   * The resolution the page's text implies, or empty when there is too little text to judge or
   * it implies nothing a scanner makes (below 100 or above 1200 dpi).
   *
   * @param lines the lines of a page turned so that they run across, and straightened
   */
  public static OptionalInt resolution(LineBands lines) {
    List<LineBands.Band> bands = lines.bands();
    if (bands.size() < MIN_LINES) {
      return OptionalInt.empty();
    }
    int[] cores = bands.stream().mapToInt(LineBands.Band::coreHeight).sorted().toArray();
    double dpi = cores[cores.length / 2] / CORE_INCHES;
    if (dpi < 100 * (1 - NEAR) || dpi > 1200) {
      return OptionalInt.empty();
    }
    for (int standard : SCANNER_DPI) {
      if (Math.abs(dpi - standard) <= standard * NEAR) {
        return OptionalInt.of(standard);
      }
    }
    return OptionalInt.of((int) Math.round(dpi / 10) * 10);
  }
}
