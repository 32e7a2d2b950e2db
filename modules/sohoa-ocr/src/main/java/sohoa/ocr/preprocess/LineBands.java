package sohoa.ocr.preprocess;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of text of a straightened page as bands of rows with ink, each with its core: the rows
 * from the first to the last with at least half the ink of the band's densest row, which is where
 * the lower-case letters stand (the x-height). Measured once per page, read by {@link UpDown} and
 * {@link TextSize}.
 */
public final class LineBands {
  /** A band of ink lower than this many rows is a rule, a speck or a stroke, not a line of text. */
  private static final int MIN_LINE_HEIGHT = 8;

  private final List<Band> bands;

  private LineBands(List<Band> bands) {
    this.bands = List.copyOf(bands);
  }

  /**
   * @param inkAbove dark pixels in the rows above the core (ascenders, capitals, marks)
   * @param inkBelow dark pixels in the rows below it (descenders, the dot below)
   */
  record Band(int coreHeight, long inkAbove, long inkBelow) {}

  List<Band> bands() {
    return bands;
  }

  /**
   * @param straight a page image turned so that its lines run across, and straightened (a skewed
   *     page smears its lines' profiles together)
   */
  public static LineBands of(BufferedImage straight) {
    BufferedImage gray = Grayscale.of(straight);
    byte[] pixels = Grayscale.pixels(gray);
    int[] rows = rowInk(pixels, gray.getWidth(), gray.getHeight(), Grayscale.otsu(pixels));
    List<Band> bands = new ArrayList<>();
    int y = 0;
    while (y < rows.length) {
      while (y < rows.length && rows[y] == 0) {
        y++;
      }
      int start = y;
      int peak = 0;
      while (y < rows.length && rows[y] > 0) {
        peak = Math.max(peak, rows[y]);
        y++;
      }
      if (y - start < MIN_LINE_HEIGHT) {
        continue;
      }
      int coreTop = start;
      while (rows[coreTop] * 2 < peak) {
        coreTop++;
      }
      int coreBottom = y - 1;
      while (rows[coreBottom] * 2 < peak) {
        coreBottom--;
      }
      bands.add(new Band(coreBottom - coreTop + 1, sum(rows, start, coreTop),
          sum(rows, coreBottom + 1, y)));
    }
    return new LineBands(bands);
  }

  private static long sum(int[] rows, int from, int to) {
    long sum = 0;
    for (int row = from; row < to; row++) {
      sum += rows[row];
    }
    return sum;
  }

  /** Dark pixels in each row, of every other column: the shape of the profile is all it needs. */
  private static int[] rowInk(byte[] pixels, int w, int h, int threshold) {
    int[] rows = new int[h];
    for (int y = 0; y < h; y++) {
      int row = y * w;
      int count = 0;
      for (int x = 0; x < w; x += 2) {
        if ((pixels[row + x] & 0xff) < threshold) {
          count++;
        }
      }
      rows[y] = count;
    }
    return rows;
  }
}
