package sohoa.ocr.preprocess;

import java.awt.image.BufferedImage;
import java.awt.image.ConvolveOp;
import java.awt.image.Kernel;

/**
 * Enlarges low-resolution scans before they are read. Tesseract's models were trained on text
 * scanned at about 300 dpi; at 200 dpi the tone marks above Vietnamese vowels are a few pixels
 * high and its binarisation merges them with the letter or drops them. Read enlarged to 300 dpi,
 * the 200 dpi pages of the development set lost half their character errors.
 *
 * <p>The method was chosen by measurement on both development sets (scripts/bench/ocr.sh), against
 * bilinear, bicubic, and bicubic followed by a light sharpening. Bicubic read the old-records set
 * better than bilinear (CER 4.0% against 4.2%) and the clean set as well (0.48%); sharpening
 * every enlargement helped old records more (3.8%) but raised the clean set's CER to 0.56%. It
 * pays for a doubling (150 dpi: a tone mark spread over two pixels is read more often once its
 * edge is restored) and for bilevel pages, whose edges the softening blurred.
 *
 * <p>Lanczos (3 lobes) and Mitchell, from TwelveMonkeys' {@code ResampleOp}, were measured the
 * same way on 2026-12-03 against this method, alone and sharpened as here: the whole sets read
 * 0.14-0.16% and 1.90-1.99% CER against bicubic's 0.13% and 1.81%, and the eighteen pages
 * below 300 dpi 0.11-0.25% and 3.25-3.40% against 0.10% and 3.12%. No variant read better on
 * either set, so bicubic stays.
 */
public final class Resampling {
  /** From this factor on the enlarged page is sharpened. */
  private static final double SHARPEN_FROM = 1.75;
  /** A light unsharp mask: the centre weighed against its four neighbours. */
  private static final Kernel SHARPEN = new Kernel(3, 3,
      new float[] {0, -0.25f, 0, -0.25f, 2f, -0.25f, 0, -0.25f, 0});

  private Resampling() {}

  /** The method {@link #enlarge} uses, as the manifest names it. */
  public static String method(double factor, boolean bilevel) {
    return sharpens(factor, bilevel) ? "bicubic+sharpen" : "bicubic";
  }

  private static boolean sharpens(double factor, boolean bilevel) {
    return factor >= SHARPEN_FROM || bilevel;
  }

  /**
   * A grey copy {@code factor} times as large each way; see the class comment for the method.
   *
   * @param bilevel the image is a black-and-white scan prepared by {@link Bilevel#prepare}
   */
  public static BufferedImage enlarge(BufferedImage image, double factor, boolean bilevel) {
    if (!(factor >= 1 && factor <= 8)) {
      throw new IllegalArgumentException("enlargement must be from 1 to 8 times, got " + factor);
    }
    BufferedImage gray = Grayscale.of(image);
    BufferedImage out = bicubic(gray, (int) Math.round(gray.getWidth() * factor),
        (int) Math.round(gray.getHeight() * factor));
    return sharpens(factor, bilevel)
        ? new ConvolveOp(SHARPEN, ConvolveOp.EDGE_NO_OP, null).filter(out, null)
        : out;
  }

  /**
   * {@code gray} (made by {@link Grayscale#of}) enlarged to {@code width} by {@code height} by
   * bicubic interpolation: the bytes Java2D's {@code drawImage} gives under the bicubic hint (see
   * {@link CubicWeights}). Java2D fetches the 4 by 4 block of every target pixel as four-channel
   * colour, 0.44 s for an A4 page at 200 dpi. The weights are separable and integer, so here each
   * source row is interpolated across once, kept unrounded so that the sum comes out the same,
   * and each target row is then weighed down the columns from the four rows it needs.
   */
  static BufferedImage bicubic(BufferedImage gray, int width, int height) {
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    byte[] source = Grayscale.pixels(gray);
    byte[] target = Grayscale.pixels(out);
    int sourceWidth = gray.getWidth();
    int sourceHeight = gray.getHeight();
    CubicWeights columns = new CubicWeights(width, sourceWidth);
    CubicWeights lines = new CubicWeights(height, sourceHeight);
    // Source rows interpolated across, each in the slot of its number modulo 4: a target row
    // needs four consecutive source rows, and the next target row the same or later ones.
    int[][] slots = new int[4][width];
    int[] held = {-1, -1, -1, -1};
    int[][] rows = new int[4][];
    for (int y = 0; y < height; y++) {
      for (int k = 0; k < 4; k++) {
        int row = lines.sample[4 * y + k];
        int slot = row & 3;
        if (held[slot] != row) {
          across(source, row * sourceWidth, columns, slots[slot]);
          held[slot] = row;
        }
        rows[k] = slots[slot];
      }
      int w0 = lines.weight[4 * y];
      int w1 = lines.weight[4 * y + 1];
      int w2 = lines.weight[4 * y + 2];
      int w3 = lines.weight[4 * y + 3];
      int[] r0 = rows[0];
      int[] r1 = rows[1];
      int[] r2 = rows[2];
      int[] r3 = rows[3];
      int line = y * width;
      for (int x = 0; x < width; x++) {
        int value = (w0 * r0[x] + w1 * r1[x] + w2 * r2[x] + w3 * r3[x] + (1 << 15)) >> 16;
        target[line + x] = (byte) Math.max(0, Math.min(255, value));
      }
    }
    return out;
  }

  /** Source row {@code offset} interpolated across to the target's width, unrounded. */
  private static void across(byte[] source, int offset, CubicWeights weights, int[] into) {
    int[] sample = weights.sample;
    int[] weight = weights.weight;
    for (int x = 0, i = 0; x < into.length; x++, i += 4) {
      into[x] = weight[i] * (source[offset + sample[i]] & 0xff)
          + weight[i + 1] * (source[offset + sample[i + 1]] & 0xff)
          + weight[i + 2] * (source[offset + sample[i + 2]] & 0xff)
          + weight[i + 3] * (source[offset + sample[i + 3]] & 0xff);
    }
  }
}
