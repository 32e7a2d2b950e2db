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
    if (coarse.count < MIN_INK / 4) {
      return 0;
    }
    double best = coarse.bestAngle(-RANGE, RANGE, 0.25);
    Ink fine = Ink.of(gray, Math.max(1, dpi / 150), threshold);
    double near = fine.bestAngle(best - 0.3, best + 0.3, 0.1);
    double angle = fine.bestAngle(near - 0.1, near + 0.1, 0.02);
    return Math.abs(angle) < NEGLIGIBLE ? 0 : Math.round(angle * 100) / 100.0;
  }

  /**
   * The page rotated by {@code -degrees} about its centre, same size, corners filled white, with
   * bilinear interpolation. Written on the grey bytes directly: Java2D's general transform loops
   * take several times longer on a 9-megapixel page.
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
    // For each output pixel, the source pixel is the output turned forward by the skew; walked
    // along each row in 16.16 fixed point, so the inner loop is integer arithmetic only.
    double radians = Math.toRadians(degrees);
    int cos = (int) Math.round(Math.cos(radians) * 65536);
    int sin = (int) Math.round(Math.sin(radians) * 65536);
    double cx = w / 2.0;
    double cy = h / 2.0;
    int maxX = (w - 1) << 16;
    int maxY = (h - 1) << 16;
    for (int y = 0; y < h; y++) {
      double dy = y - cy;
      int sx = (int) Math.round((cx - cx * Math.cos(radians) - dy * Math.sin(radians)) * 65536);
      int sy = (int) Math.round((cy - cx * Math.sin(radians) + dy * Math.cos(radians)) * 65536);
      int row = y * w;
      for (int x = 0; x < w; x++, sx += cos, sy += sin) {
        if (sx < 0 || sy < 0 || sx >= maxX || sy >= maxY) {
          target[row + x] = (byte) 255;
          continue;
        }
        int fx = (sx & 0xffff) >>> 8;
        int fy = (sy & 0xffff) >>> 8;
        int i = (sy >>> 16) * w + (sx >>> 16);
        int top = (in[i] & 0xff) * (256 - fx) + (in[i + 1] & 0xff) * fx;
        int bottom = (in[i + w] & 0xff) * (256 - fx) + (in[i + w + 1] & 0xff) * fx;
        target[row + x] = (byte) ((top * (256 - fy) + bottom * fy + 32768) >>> 16);
      }
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

    static Ink of(BufferedImage gray, int reduction, int threshold) {
      byte[] pixels = Grayscale.pixels(gray);
      int stride = gray.getWidth();
      int w = gray.getWidth() / reduction;
      int h = gray.getHeight() / reduction;
      float[] xs = new float[1024];
      float[] ys = new float[1024];
      int count = 0;
      for (int y = 0; y < h; y++) {
        int row = y * reduction * stride;
        for (int x = 0; x < w; x++) {
          if ((pixels[row + x * reduction] & 0xff) < threshold) {
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
