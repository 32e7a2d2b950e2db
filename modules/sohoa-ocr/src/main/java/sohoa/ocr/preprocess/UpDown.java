package sohoa.ocr.preprocess;

import java.util.List;

/**
 * Whether a straightened page whose lines run across stands upright or upside down, judged from
 * where its ink lies around each line's core (the band of its lower-case letters). Above the core
 * are ascenders (b, d, đ, h, k, l, t), capitals and, in Vietnamese, a tone or vowel mark on nearly
 * every syllable; below it only the descenders of g, p, q, y and the dot of the falling-glottal
 * tone. On the development set an upright page has 1.8 to 3.1 times as much ink above its cores as
 * below, an upside-down page the inverse. A page judged this way needs neither Tesseract's
 * orientation detection nor a second reading.
 */
public enum UpDown {
  UPRIGHT,
  UPSIDE_DOWN,
  /** Too few lines, or ink as heavy below the cores as above (a table, numbers, a drawing). */
  UNCLEAR;

  /** How much heavier one side must be than the other to be believed. */
  private static final double MARGIN = 1.3;
  /** Fewer rows of text than this are not a page's worth of evidence. */
  private static final int MIN_LINES = 3;

  /** @param lines the lines of a page turned so that they run across, and straightened */
  public static UpDown of(LineBands lines) {
    List<LineBands.Band> bands = lines.bands();
    if (bands.size() < MIN_LINES) {
      return UNCLEAR;
    }
    long above = bands.stream().mapToLong(LineBands.Band::inkAbove).sum();
    long below = bands.stream().mapToLong(LineBands.Band::inkBelow).sum();
    if (above > below * MARGIN) {
      return UPRIGHT;
    }
    return below > above * MARGIN ? UPSIDE_DOWN : UNCLEAR;
  }
}
