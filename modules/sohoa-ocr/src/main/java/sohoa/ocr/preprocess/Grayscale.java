package sohoa.ocr.preprocess;

import java.awt.Graphics2D;
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

  /** The pixels of an image made by {@link #of}, one byte per pixel, row after row. */
  static byte[] pixels(BufferedImage gray) {
    return ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
  }

  /** Otsu's threshold: the grey level that best separates ink from paper (sampled every 4th pixel). */
  static int otsu(byte[] pixels) {
    long[] histogram = new long[256];
    for (int i = 0; i < pixels.length; i += 4) {
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
