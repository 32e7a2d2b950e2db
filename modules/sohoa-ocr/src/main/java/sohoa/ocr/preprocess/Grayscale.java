package sohoa.ocr.preprocess;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/** 8-bit grey page images, the one form the OCR steps work on, and their ink threshold. */
public final class Grayscale {
  private Grayscale() {}

  /** The image itself when it is already plain 8-bit grey, else a grey copy. */
  public static BufferedImage of(BufferedImage image) {
    if (image.getType() == BufferedImage.TYPE_BYTE_GRAY
        && image.getRaster().getDataBuffer() instanceof DataBufferByte buffer
        && buffer.getData().length == image.getWidth() * image.getHeight()) {
      return image;
    }
    BufferedImage gray = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = gray.createGraphics();
    try {
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return gray;
  }

  /**
   * Where the ink of a page lies: the rectangle holding all but the outer one per cent of its dark
   * pixels on each side, leaving out columns dark from top to bottom, so that specks and a
   * scanner's dark edges do not stretch it. The whole
   * page when there is no ink.
   */
  public static Rectangle inkBounds(BufferedImage page) {
    BufferedImage gray = of(page);
    byte[] pixels = pixels(gray);
    int w = gray.getWidth();
    int h = gray.getHeight();
    int threshold = otsu(pixels);
    long[] columns = new long[w];
    for (int y = 0; y < h; y++) {
      int row = y * w;
      for (int x = 0; x < w; x++) {
        if ((pixels[row + x] & 0xff) < threshold) {
          columns[x]++;
        }
      }
    }
    // A column dark for most of its height is a scanner's edge or a binding shadow, not text.
    for (int x = 0; x < w; x++) {
      if (columns[x] > h / 2) {
        columns[x] = -1;
      }
    }
    long[] rows = new long[h];
    long total = 0;
    for (int y = 0; y < h; y++) {
      int row = y * w;
      for (int x = 0; x < w; x++) {
        if (columns[x] >= 0 && (pixels[row + x] & 0xff) < threshold) {
          rows[y]++;
          total++;
        }
      }
    }
    for (int x = 0; x < w; x++) {
      columns[x] = Math.max(0, columns[x]);
    }
    if (total == 0) {
      return new Rectangle(0, 0, w, h);
    }
    int left = first(columns, total / 100);
    int right = last(columns, total / 100);
    int top = first(rows, total / 100);
    int bottom = last(rows, total / 100);
    return new Rectangle(left, top, Math.max(1, right - left + 1), Math.max(1, bottom - top + 1));
  }

  /** The first index at which the running sum from the start exceeds {@code mass}. */
  private static int first(long[] counts, long mass) {
    long sum = 0;
    for (int i = 0; i < counts.length; i++) {
      sum += counts[i];
      if (sum > mass) {
        return i;
      }
    }
    return counts.length - 1;
  }

  /** The last index at which the running sum from the end exceeds {@code mass}. */
  private static int last(long[] counts, long mass) {
    long sum = 0;
    for (int i = counts.length - 1; i >= 0; i--) {
      sum += counts[i];
      if (sum > mass) {
        return i;
      }
    }
    return 0;
  }

  /** The pixels of an image made by {@link #of}, one byte per pixel, row after row. */
  static byte[] pixels(BufferedImage gray) {
    return ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
  }

  /**
   * Otsu's threshold: the grey level that best separates ink from paper. Every 13th pixel is
   * enough for a histogram (a page has millions), and a prime step does not fall into step with
   * the page's columns.
   */
  static int otsu(byte[] pixels) {
    long[] histogram = new long[256];
    for (int i = 0; i < pixels.length; i += 13) {
      histogram[pixels[i] & 0xff]++;
    }
    long total = 0;
    double sum = 0;
    for (int i = 0; i < 256; i++) {
      total += histogram[i];
      sum += (double) i * histogram[i];
    }
    double sumBelow = 0;
    long below = 0;
    double bestVariance = -1;
    int threshold = 128;
    for (int t = 0; t < 256; t++) {
      below += histogram[t];
      if (below == 0) {
        continue;
      }
      long above = total - below;
      if (above == 0) {
        break;
      }
      sumBelow += (double) t * histogram[t];
      double meanBelow = sumBelow / below;
      double meanAbove = (sum - sumBelow) / above;
      double variance = (double) below * above * (meanBelow - meanAbove) * (meanBelow - meanAbove);
      if (variance > bestVariance) {
        bestVariance = variance;
        threshold = t + 1;
      }
    }
    return threshold;
  }
}
