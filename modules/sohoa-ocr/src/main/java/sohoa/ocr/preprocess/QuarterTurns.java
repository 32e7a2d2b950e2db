package sohoa.ocr.preprocess;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/** Exact rotations by multiples of 90°, pixel for pixel, with no resampling. */
public final class QuarterTurns {
  private QuarterTurns() {}

  /** {@code image} turned clockwise {@code turns} times (0..3); the same image for 0. */
  public static BufferedImage clockwise(BufferedImage image, int turns) {
    int t = Math.floorMod(turns, 4);
    if (t == 0) {
      return image;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    boolean swap = t % 2 == 1;
    if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
      return grayClockwise(Grayscale.pixels(Grayscale.of(image)), w, h, t);
    }
    BufferedImage out = new BufferedImage(image.getColorModel(),
        image.getRaster().createCompatibleWritableRaster(swap ? h : w, swap ? w : h),
        image.isAlphaPremultiplied(), null);
    Raster in = image.getRaster();
    WritableRaster target = out.getRaster();
    int bands = in.getNumBands();
    int[] row = new int[w * bands];
    for (int y = 0; y < h; y++) {
      in.getPixels(0, y, w, 1, row);
      for (int x = 0; x < w; x++) {
        int tx;
        int ty;
        switch (t) {
          case 1 -> { tx = h - 1 - y; ty = x; }
          case 2 -> { tx = w - 1 - x; ty = h - 1 - y; }
          default -> { tx = y; ty = w - 1 - x; }
        }
        for (int b = 0; b < bands; b++) {
          target.setSample(tx, ty, b, row[x * bands + b]);
        }
      }
    }
    return out;
  }

  /** The same turn on 8-bit grey pixels, a byte at a time: most pages arrive here. */
  private static BufferedImage grayClockwise(byte[] in, int w, int h, int t) {
    boolean swap = t % 2 == 1;
    int outWidth = swap ? h : w;
    BufferedImage out = new BufferedImage(outWidth, swap ? w : h, BufferedImage.TYPE_BYTE_GRAY);
    byte[] target = Grayscale.pixels(out);
    for (int y = 0; y < h; y++) {
      int row = y * w;
      for (int x = 0; x < w; x++) {
        int index = switch (t) {
          case 1 -> x * outWidth + (h - 1 - y);
          case 2 -> (h - 1 - y) * outWidth + (w - 1 - x);
          default -> (w - 1 - x) * outWidth + y;
        };
        target[index] = in[row + x];
      }
    }
    return out;
  }
}
