package sohoa.ocr.preprocess;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * Measures and removes the skew of a page of text by the projection-profile method (Postl 1986,
 * Baird 1987; what Leptonica's pixFindSkew does): rotate the ink onto the vertical axis at a range
 * of angles and keep the angle at which the row sums change most sharply from row to row, which is
 * when every text line falls into as few rows as possible. A coarse sweep at about 75 dpi finds the
 * neighbourhood, a fine sweep at about 150 dpi the angle, to a few hundredths of a degree.
 */
public final class Deskew {
  /** Scans are laid crooked by a few degrees; beyond this it is a layout, not a skew. */
  private static final double RANGE = 6;
  /** Below this the resampling costs more accuracy than the skew does. */
  private static final double NEGLIGIBLE = 0.1;
  /** A page with less ink than this (in reduced pixels) has too little text to judge. */
  private static final int MIN_INK = 2_000;
  private static final byte WHITE = (byte) 255;

  private Deskew() {}

  /**
   * The angle in degrees that the page's text runs clockwise (as seen on screen), or 0 when there
   * is too little text to tell or the skew is negligible.
   *
   * @param page an upright page image of any type
   * @param dpi its resolution, to choose the reductions
   */
  public static double measure(BufferedImage page, int dpi) {
    BufferedImage gray = Grayscale.of(page);
    int threshold = Grayscale.otsu(Grayscale.pixels(gray));
    Ink coarse = Ink.of(gray, Math.max(1, dpi / 75), threshold);
    if (coarse.count() < MIN_INK / 4) {
      return 0;
    }
    double best = coarse.bestAngle(-RANGE, RANGE, 0.25);
    Ink fine = Ink.of(gray, Math.max(1, dpi / 150), threshold);
    double near = fine.bestAngle(best - 0.3, best + 0.3, 0.1);
    double angle = fine.bestAngle(near - 0.1, near + 0.1, 0.02);
    return Math.abs(angle) < NEGLIGIBLE ? 0 : Math.round(angle * 100) / 100.0;
  }

  /**
   * The page rotated by {@code -degrees} about its centre, same size, corners filled white; each
   * pixel interpolated between the four it falls among (out(c + d) = in(c + R·d), c the centre).
   * Not Paeth's three shears, which move whole pixels and so leave a one-pixel step through a
   * letter every few dozen pixels: through the small tone marks that made Tesseract confuse
   * hook-above with acute and grave ({@code cổng}/{@code cống}, {@code minh}/{@code mình}). On the
   * clean development set, grey pages interpolated, WER fell from 1.36% to 1.00% and CER from
   * 0.51% to 0.47% (with {@code MissedLines}, which the layout's changed choices needed). For a
   * scan already bilevel, see {@link #straightenBilevel}.
   */
  public static BufferedImage straighten(BufferedImage page, double degrees) {
    if (degrees == 0) {
      return page;
    }
    BufferedImage gray = Grayscale.of(page);
    int w = gray.getWidth();
    int h = gray.getHeight();
    byte[] in = Grayscale.pixels(gray);
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    byte[] target = Grayscale.pixels(out);
    double radians = Math.toRadians(degrees);
    // Source coordinates in 16.16 fixed point, stepped along each row: the quick compiler that
    // digitising runs with turns this into integer adds and shifts (doubles with a floor each
    // pixel cost about a fifth of a second a page there).
    long cos = Math.round(Math.cos(radians) * 65536);
    long sin = Math.round(Math.sin(radians) * 65536);
    double cx = (w - 1) / 2.0;
    double cy = (h - 1) / 2.0;
    long maxX = (long) (w - 1) << 16;
    long maxY = (long) (h - 1) << 16;
    for (int y = 0; y < h; y++) {
      double dy = y - cy;
      long sx = Math.round((cx - cx * Math.cos(radians) - dy * Math.sin(radians)) * 65536);
      long sy = Math.round((cy - cx * Math.sin(radians) + dy * Math.cos(radians)) * 65536);
      int row = y * w;
      for (int x = 0; x < w; x++, sx += cos, sy += sin) {
        if (sx < 0 || sy < 0 || sx >= maxX || sy >= maxY) {
          target[row + x] = WHITE;
          continue;
        }
        int i = (int) (sy >> 16) * w + (int) (sx >> 16);
        // Weights in 8-bit fixed point: a page is some ten million of these.
        int fx = (int) (sx >> 8) & 0xff;
        int fy = (int) (sy >> 8) & 0xff;
        int top = (in[i] & 0xff) * (256 - fx) + (in[i + 1] & 0xff) * fx;
        int bottom = (in[i + w] & 0xff) * (256 - fx) + (in[i + w + 1] & 0xff) * fx;
        target[row + x] = (byte) ((top * (256 - fy) + bottom * fy + (1 << 15)) >> 16);
      }
    }
    return out;
  }

  /**
   * A bilevel scan rotated the same way by Paeth's three shears (what Leptonica's
   * pixRotateShear does), which move whole runs of pixels: its strokes were already smoothed once
   * for reading ({@link Bilevel}), and smoothing them again by interpolation closed word spaces
   * between bold capitals (the sample decision's agency, {@code XUÂN LAI}, read {@code XUÂNIAI}).
   */
  public static BufferedImage straightenBilevel(BufferedImage page, double degrees) {
    if (degrees == 0) {
      return page;
    }
    BufferedImage gray = Grayscale.of(page);
    int w = gray.getWidth();
    int h = gray.getHeight();
    double radians = Math.toRadians(degrees);
    double across = -Math.tan(radians / 2);
    byte[] sheared = shearRows(Grayscale.pixels(gray), w, h, across);
    sheared = shearColumns(sheared, w, h, Math.sin(radians));
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    System.arraycopy(shearRows(sheared, w, h, across), 0, Grayscale.pixels(out), 0, w * h);
    return out;
  }

  /** out(x, y) = in(x + factor·(y − cy), y), to the nearest pixel. */
  private static byte[] shearRows(byte[] in, int w, int h, double factor) {
    // Only what no run covers is filled white: filling whole pages cost as much as the copies.
    byte[] out = new byte[w * h];
    double cy = h / 2.0;
    for (int y = 0; y < h; y++) {
      int shift = (int) Math.round(factor * (y - cy));
      int from = Math.max(0, shift);
      int to = Math.min(w, w + shift);
      int row = y * w;
      if (to > from) {
        System.arraycopy(in, row + from, out, row + from - shift, to - from);
        Arrays.fill(out, row, row + from - shift, WHITE);
        Arrays.fill(out, row + to - shift, row + w, WHITE);
      } else {
        Arrays.fill(out, row, row + w, WHITE);
      }
    }
    return out;
  }

  /** out(x, y) = in(x, y + factor·(x − cx)), to the nearest pixel, copied in runs of columns. */
  private static byte[] shearColumns(byte[] in, int w, int h, double factor) {
    byte[] out = new byte[w * h];
    double cx = w / 2.0;
    int x0 = 0;
    while (x0 < w) {
      int shift = (int) Math.round(factor * (x0 - cx));
      int x1 = x0 + 1;
      while (x1 < w && (int) Math.round(factor * (x1 - cx)) == shift) {
        x1++;
      }
      int top = Math.min(h, Math.max(0, -shift));
      int bottom = Math.max(top, Math.min(h, h - shift));
      for (int y = 0; y < top; y++) {
        Arrays.fill(out, y * w + x0, y * w + x1, WHITE);
      }
      for (int y = top; y < bottom; y++) {
        System.arraycopy(in, (y + shift) * w + x0, out, y * w + x0, x1 - x0);
      }
      for (int y = bottom; y < h; y++) {
        Arrays.fill(out, y * w + x0, y * w + x1, WHITE);
      }
      x0 = x1;
    }
    return out;
  }
}
