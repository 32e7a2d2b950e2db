package sohoa.ocr.preprocess;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
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

  private Deskew() {}

  /**
   * The angle in degrees that the page's text runs clockwise (as seen on screen), or 0 when there
   * is too little text to tell or the skew is negligible.
   *
   * @param page an upright page image of any type
   * @param dpi its resolution, to choose the reductions
   */
  public static double measure(BufferedImage page, int dpi) {
    Ink coarse = Ink.of(page, Math.max(1, dpi / 75));
    if (coarse.count < MIN_INK / 4) {
      return 0;
    }
    double best = coarse.bestAngle(-RANGE, RANGE, 0.25);
    Ink fine = Ink.of(page, Math.max(1, dpi / 150));
    double angle = fine.bestAngle(best - 0.3, best + 0.3, 0.02);
    return Math.abs(angle) < NEGLIGIBLE ? 0 : Math.round(angle * 100) / 100.0;
  }

  /** The page rotated by {@code -degrees} about its centre, same size, corners filled white. */
  public static BufferedImage straighten(BufferedImage page, double degrees) {
    if (degrees == 0) {
      return page;
    }
    BufferedImage gray = Grayscale.of(page);
    BufferedImage out = new BufferedImage(gray.getWidth(), gray.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = out.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, out.getWidth(), out.getHeight());
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(gray, AffineTransform.getRotateInstance(Math.toRadians(-degrees),
          gray.getWidth() / 2.0, gray.getHeight() / 2.0), null);
    } finally {
      g.dispose();
    }
    return out;
  }

  /** The dark pixels of a page reduced by an integer factor, as coordinates about its centre. */
  private static final class Ink {
    final float[] xs;
    final float[] ys;
    final int count;
    final int height;

    private Ink(float[] xs, float[] ys, int count, int height) {
      this.xs = xs;
      this.ys = ys;
      this.count = count;
      this.height = height;
    }

    static Ink of(BufferedImage page, int reduction) {
      Raster raster = Grayscale.of(page).getRaster();
      int w = raster.getWidth() / reduction;
      int h = raster.getHeight() / reduction;
      int threshold = Grayscale.otsu(raster);
      float[] xs = new float[1024];
      float[] ys = new float[1024];
      int count = 0;
      int[] row = new int[raster.getWidth()];
      for (int y = 0; y < h; y++) {
        raster.getSamples(0, y * reduction, raster.getWidth(), 1, 0, row);
        for (int x = 0; x < w; x++) {
          if (row[x * reduction] < threshold) {
            if (count == xs.length) {
              xs = Arrays.copyOf(xs, count * 2);
              ys = Arrays.copyOf(ys, count * 2);
            }
            xs[count] = x - w / 2f;
            ys[count] = y - h / 2f;
            count++;
          }
        }
      }
      return new Ink(xs, ys, count, h);
    }

    double bestAngle(double from, double to, double step) {
      double best = 0;
      double bestScore = -1;
      for (double angle = from; angle <= to + 1e-9; angle += step) {
        double score = score(angle);
        if (score > bestScore) {
          bestScore = score;
          best = angle;
        }
      }
      return best;
    }

    /** Sum of squared differences of adjacent row sums, with the ink rotated by -angle. */
    private double score(double degrees) {
      double radians = Math.toRadians(degrees);
      float sin = (float) Math.sin(radians);
      float cos = (float) Math.cos(radians);
      int margin = height;
      int[] rows = new int[height + 2 * margin];
      for (int i = 0; i < count; i++) {
        int r = Math.round(ys[i] * cos - xs[i] * sin) + height / 2 + margin;
        if (r >= 0 && r < rows.length) {
          rows[r]++;
        }
      }
      double score = 0;
      for (int r = 1; r < rows.length; r++) {
        double d = rows[r] - rows[r - 1];
        score += d * d;
      }
      return score;
    }
  }
}
