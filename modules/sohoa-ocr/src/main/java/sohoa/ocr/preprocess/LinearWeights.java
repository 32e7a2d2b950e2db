package sohoa.ocr.preprocess;

/**
 * Where each of {@code length} positions along one side of a larger grid falls on a smaller one
 * (pixel centres mapped onto sample centres), as the two samples either side and the weight of
 * the upper one, from 0 to 256: the table bilinear interpolation reads row after row.
 */
final class LinearWeights {
  final int[] lower;
  final int[] upper;
  final int[] weight;

  /**
   * @param length positions on the larger grid
   * @param scale how many of them one sample spans (a tile's size, an enlargement factor)
   * @param samples samples on the smaller grid
   */
  LinearWeights(int length, double scale, int samples) {
    lower = new int[length];
    upper = new int[length];
    weight = new int[length];
    for (int i = 0; i < length; i++) {
      double position = Math.max(0, Math.min(samples - 1, (i + 0.5) / scale - 0.5));
      lower[i] = (int) position;
      upper[i] = Math.min(samples - 1, lower[i] + 1);
      weight[i] = (int) Math.round((position - lower[i]) * 256);
    }
  }
}
