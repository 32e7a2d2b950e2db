package sohoa.ocr.preprocess;

import java.awt.image.BufferedImage;

/**
 * Which way a page's lines of text run on the scan: across (the page is upright or upside down) or
 * down (it lies on its side). Judged from projection profiles, as {@link Deskew} judges skew: lines
 * of text make the row sums of their ink change sharply, and the column sums hardly at all. This
 * costs milliseconds, against the third of a second Tesseract's orientation detection takes, and it
 * is all that most pages need: an upside-down page is caught by the recogniser's own confidence.
 */
public enum LineDirection {
  ACROSS,
  DOWN,
  /** Too little text, or a layout (a table, a drawing) whose profiles do not tell. */
  UNCLEAR;

  /** How much sharper one direction's profile must be than the other's to be believed. */
  private static final double MARGIN = 1.5;
  private static final int MIN_INK = 500;

  /**
   * @param page a page image of any type
   * @param dpi its resolution, to reduce it to about 75 dpi first
   */
  public static LineDirection of(BufferedImage page, int dpi) {
    BufferedImage gray = Grayscale.of(page);
    Ink ink = Ink.of(gray, Math.max(1, dpi / 75), Grayscale.otsu(Grayscale.pixels(gray)));
    if (ink.count() < MIN_INK) {
      return UNCLEAR;
    }
    double across = sharpest(ink);
    double down = sharpest(ink.transposed());
    if (across > down * MARGIN) {
      return ACROSS;
    }
    return down > across * MARGIN ? DOWN : UNCLEAR;
  }

  private static double sharpest(Ink ink) {
    return ink.score(ink.bestAngle(-6, 6, 0.5));
  }
}
