package sohoa.ocr.preprocess;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * The dark pixels of a page reduced by an integer factor, as coordinates about its centre, and the
 * projection-profile score that tells how well they fall into lines at a given angle.
 */
final class Ink {
  private final float[] xs;
  private final float[] ys;
  private final int count;
  private final int height;

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

  int count() {
    return count;
  }

  /** The same ink with rows and columns swapped, so that lines running down run across. */
  Ink transposed() {
    int width = 0;
    for (int i = 0; i < count; i++) {
      width = Math.max(width, Math.round(Math.abs(xs[i]) * 2) + 1);
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
