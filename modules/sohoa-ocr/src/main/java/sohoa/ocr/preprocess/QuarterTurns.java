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
}
