package sohoa.ocr.preprocess;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * Evens out the paper of a grey scan: a shadow along the binding, a yellowed sheet, a lamp that lit
 * one side more than the other. Tesseract separates ink from paper with one threshold for the whole
 * page (Otsu's), so in a dark corner the paper turns to ink and a light one loses thin strokes.
 * Dividing each pixel by the paper's brightness around it, as Leptonica's background normalisation
 * does, makes the paper white everywhere and leaves the ink as dark as it was against its own paper.
 *
 * <p>A page whose paper is already even is returned as it is: there, normalising measured no gain
 * on the development set and would only cost time.
 */
public final class Background {
  /**
   * Paper brighter in one place than another by more than this many grey levels (of 255) is
   * uneven. Scans of clean sheets on a flatbed vary by up to about 20.
   */
  static final int UNEVEN = 40;
  /** Of each tile's pixels, the brightest tenth are taken to be paper, even in a tile of text. */
  private static final double PAPER_SHARE = 0.10;
  /** A background darker than this is a black border or a photograph, not paper: left as it is. */
  private static final int DARKEST_PAPER = 48;

  private Background() {}

  /**
   * The page with its paper made evenly white when it is uneven, else the page itself.
   *
   * @param gray an 8-bit grey image (see {@link Grayscale#of}); it is not modified
   * @param dpi its resolution, which sets the size of the tiles the paper is measured in
   */
  public static BufferedImage flatten(BufferedImage gray, int dpi) {
    byte[] pixels = Grayscale.pixels(Grayscale.of(gray));
    int w = gray.getWidth();
    int h = gray.getHeight();
    // About a tenth of an inch: larger than a letter, smaller than a shadow's edge.
    int tile = Math.max(8, dpi / 10);
    int columns = (w + tile - 1) / tile;
    int rows = (h + tile - 1) / tile;
    int[] paper = spread(tilePaper(pixels, w, h, tile, columns, rows), columns, rows);
    if (!uneven(paper)) {
      return gray;
    }
    return divide(pixels, w, h, tile, paper, columns, rows);
  }

  /**
   * The paper's brightness in each tile: the level the brightest tenth of its pixels reach, from
   * every other pixel of every other row (a quarter of them is plenty for a histogram).
   */
  private static int[] tilePaper(byte[] pixels, int w, int h, int tile, int columns, int rows) {
    int[] paper = new int[columns * rows];
    int[] histogram = new int[256];
    for (int ty = 0; ty < rows; ty++) {
      for (int tx = 0; tx < columns; tx++) {
        Arrays.fill(histogram, 0);
        int x1 = Math.min(w, tx * tile + tile);
        int y1 = Math.min(h, ty * tile + tile);
        int sampled = 0;
        for (int y = ty * tile; y < y1; y += 2) {
          int row = y * w;
          for (int x = tx * tile; x < x1; x += 2) {
            histogram[pixels[row + x] & 0xff]++;
            sampled++;
          }
        }
        int wanted = (int) (sampled * PAPER_SHARE);
        int level = 255;
        for (int seen = 0; level > 0; level--) {
          seen += histogram[level];
          if (seen > wanted) {
            break;
          }
        }
        paper[ty * columns + tx] = level;
      }
    }
    return paper;
  }

  /**
   * Each tile's paper as the brightest of it and its eight neighbours: a tile covered by a heading
   * or a stamp shows little paper of its own, but its neighbours do.
   */
  private static int[] spread(int[] paper, int columns, int rows) {
    int[] spread = new int[paper.length];
    for (int ty = 0; ty < rows; ty++) {
      for (int tx = 0; tx < columns; tx++) {
        int brightest = 0;
        for (int y = Math.max(0, ty - 1); y <= Math.min(rows - 1, ty + 1); y++) {
          for (int x = Math.max(0, tx - 1); x <= Math.min(columns - 1, tx + 1); x++) {
            brightest = Math.max(brightest, paper[y * columns + x]);
          }
        }
        spread[ty * columns + tx] = Math.max(DARKEST_PAPER, brightest);
      }
    }
    return spread;
  }

  /** Whether the paper varies by more than {@link #UNEVEN}, from the 2nd to the 98th percentile. */
  private static boolean uneven(int[] paper) {
    int[] sorted = paper.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length * 49 / 50] - sorted[sorted.length / 50] > UNEVEN;
  }

  /** Every pixel divided by the paper around it (interpolated between tile centres), times 255. */
  private static BufferedImage divide(byte[] pixels, int w, int h, int tile, int[] paper,
      int columns, int rows) {
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    byte[] target = Grayscale.pixels(out);
    LinearWeights across = new LinearWeights(w, tile, columns);
    LinearWeights down = new LinearWeights(h, tile, rows);
    int[] rowPaper = new int[columns];
    for (int y = 0; y < h; y++) {
      int top = down.lower[y] * columns;
      int bottom = down.upper[y] * columns;
      int weight = down.weight[y];
      for (int tx = 0; tx < columns; tx++) {
        rowPaper[tx] = paper[top + tx] * (256 - weight) + paper[bottom + tx] * weight;
      }
      int row = y * w;
      for (int x = 0; x < w; x++) {
        // paper level times 256 * 256
        int level = rowPaper[across.lower[x]] * (256 - across.weight[x])
            + rowPaper[across.upper[x]] * across.weight[x];
        long value = ((long) (pixels[row + x] & 0xff) * 255 << 16) / level;
        target[row + x] = (byte) Math.min(255, value);
      }
    }
    return out;
  }
}
