package sohoa.ocr.preprocess;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * The dark pixels of a page reduced by an integer factor, as coordinates about its centre, and the
 * projection-profile score that tells how well they fall into lines at a given angle.
 */
final class Ink {
  /**
   * Fixed-point scale of the rotation: coordinates are kept as whole half-pixels and the sine and
   * cosine in 2^-24 units, so that scoring an angle is integer arithmetic (twice as fast as float
   * under the quick compiler, which sohoa runs) at float's precision.
   */
  private static final int UNIT_BITS = 24;
  /** Twice each pixel's offset from the centre, which is a whole number even for odd sizes. */
  private final int[] xs;
  private final int[] ys;
  private final int count;
  private final int height;

  private Ink(int[] xs, int[] ys, int count, int height) {
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
    int[] xs = new int[1024];
    int[] ys = new int[1024];
    int count = 0;
    for (int y = 0; y < h; y++) {
      int row = y * reduction * stride;
      for (int x = 0; x < w; x++) {
        if ((pixels[row + x * reduction] & 0xff) < threshold) {
          if (count == xs.length) {
            xs = Arrays.copyOf(xs, count * 2);
            ys = Arrays.copyOf(ys, count * 2);
          }
          xs[count] = 2 * x - w;
          ys[count] = 2 * y - h;
          count++;
        }
      }
    }
    return new Ink(xs, ys, count, h);
  }

  int count() {
    return count;
  }

  /**
   * The ink of rows {@code top} (inclusive) to {@code bottom} (exclusive) of the reduced page, as
   * a page of its own: coordinates about the band's centre, so that rotating it keeps it in place.
   */
  Ink rows(int top, int bottom) {
    int[] bandXs = new int[count];
    int[] bandYs = new int[count];
    int n = 0;
    for (int i = 0; i < count; i++) {
      int y = (ys[i] + height) / 2;
      if (y >= top && y < bottom) {
        bandXs[n] = xs[i];
        bandYs[n] = ys[i] + height - top - bottom;
        n++;
      }
    }
    return new Ink(bandXs, bandYs, n, bottom - top);
  }

  /** The height of the reduced page, in rows. */
  int height() {
    return height;
  }

  /** The same ink with rows and columns swapped, so that lines running down run across. */
  Ink transposed() {
    int width = 0;
    for (int i = 0; i < count; i++) {
      width = Math.max(width, Math.abs(xs[i]) + 1);
    }
    return new Ink(ys, xs, count, width);
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
  double score(double degrees) {
    double radians = Math.toRadians(degrees);
    long sin = Math.round(Math.sin(radians) * (1 << UNIT_BITS));
    long cos = Math.round(Math.cos(radians) * (1 << UNIT_BITS));
    int margin = height;
    int[] rows = new int[height + 2 * margin];
    int offset = height / 2 + margin;
    // round(v) = floor(v + 1/2), v = (y·cos − x·sin) / 2^(UNIT_BITS+1) for half-pixel x, y
    long half = 1L << UNIT_BITS;
    int shift = UNIT_BITS + 1;
    for (int i = 0; i < count; i++) {
      int r = (int) ((ys[i] * cos - xs[i] * sin + half) >> shift) + offset;
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
