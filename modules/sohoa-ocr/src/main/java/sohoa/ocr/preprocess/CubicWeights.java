package sohoa.ocr.preprocess;

/**
 * Where each of {@code length} positions along one side of an enlarged grid falls on the original
 * one, as the four samples around it (clamped at the edges) and their weights, which sum to 256:
 * the table bicubic interpolation reads row after row.
 *
 * <p>The positions and weights are those the JDK's own image transform (Java2D's TransformHelper,
 * which {@code Graphics2D.drawImage} runs under the bicubic hint) takes, to the bit: each pixel
 * centre is stepped back onto the original in 32.32 fixed point by the inverse of the scale, the
 * top eight bits of its fraction choose a row of a 256-step integer table of Keys' cubic with
 * a = -0.5, and the table's outer weights are made up so that every row sums to 256. Kept to
 * the bit so that the pages are read exactly as they were when Java2D enlarged them, and the
 * OCR figures measured then still hold.
 */
final class CubicWeights {
  /** One, in the table's fixed point. */
  private static final int ONE = 256;
  /** Keys' cubic sampled every 1/256 of a pixel from 0 to 2. */
  private static final int[] KERNEL = kernel(-0.5);

  /** The four samples of each position: {@code sample[4 * i + k]}, k = 0 for the one before. */
  final int[] sample;
  /** Their weights, in the same order. */
  final int[] weight;

  /**
   * @param length positions on the enlarged grid
   * @param samples samples on the original one
   */
  CubicWeights(int length, int samples) {
    sample = new int[4 * length];
    weight = new int[4 * length];
    // The inverse of the scale, as AffineTransform.createInverse computes it.
    double step = 1.0 / ((double) length / samples);
    long stepFixed = fixed(step);
    long first = fixed(0.5 * step);
    for (int i = 0; i < length; i++) {
      long position = first + i * stepFixed - (1L << 31);
      int whole = (int) (position >> 32);
      int fraction = (int) (position >>> 24) & 0xff;
      for (int k = 0; k < 4; k++) {
        sample[4 * i + k] = Math.max(0, Math.min(samples - 1, whole - 1 + k));
      }
      weight[4 * i] = KERNEL[fraction + 256];
      weight[4 * i + 1] = KERNEL[fraction];
      weight[4 * i + 2] = KERNEL[256 - fraction];
      weight[4 * i + 3] = KERNEL[512 - fraction];
    }
  }

  /** A coordinate in 32.32 fixed point, truncated as Java2D's DblToLong does. */
  private static long fixed(double value) {
    return (long) (value * 4294967296.0);
  }

  /**
   * The cubic {@code r(x)} at x = i / 256 for i from 0 to 512, in 1/256ths truncated toward zero.
   * From 1.5 on, a weight is what the other three of its row leave of 256 rather than the curve's
   * own value, so that no row brightens or darkens the page.
   */
  private static int[] kernel(double a) {
    int[] kernel = new int[513];
    for (int i = 0; i < 256; i++) {
      double x = i / 256.0;
      kernel[i] = (int) ((((a + 2) * x - (a + 3)) * x * x + 1) * ONE);
    }
    for (int i = 256; i < 384; i++) {
      double x = i / 256.0;
      kernel[i] = (int) ((((a * x - 5 * a) * x + 8 * a) * x - 4 * a) * ONE);
    }
    kernel[384] = (ONE - kernel[128] * 2) / 2;
    for (int i = 385; i <= 512; i++) {
      kernel[i] = ONE - (kernel[512 - i] + kernel[i - 256] + kernel[768 - i]);
    }
    return kernel;
  }
}
