package sohoa.ocr.preprocess;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Prepares a black-and-white scan for reading. A fax-mode scanner (CCITT G4) cuts faded or
 * typewritten strokes into dots at its fixed threshold, and Tesseract, which reads the pixels as
 * they are, sees broken letters. Which remedy a page gets depends on what it shows:
 *
 * <ul>
 *   <li>print that is whole is softened: each pixel the mean of its 2×2 block, which smooths the
 *       staircase of the threshold without thickening the strokes (thickening merges the letters
 *       of clean pages: their CER doubled);
 *   <li>print broken into dots (more than a tenth of the page's ink patches are specks of a few
 *       pixels; whole print has under 7%, the broken pages of the old-records set 14 to 67%) is
 *       thickened: a pixel is ink when any pixel of its 2×2 block is, which joins dots one pixel
 *       apart into strokes. On those pages CER fell by a quarter to a half (the worst, faded
 *       typewriting, from 65% to 17%);
 *   <li>print faded into scattered dots (more than 60% of the patches are specks: most dots are
 *       two pixels or more apart, beyond what a 2×2 block joins) is thickened wide: a pixel is
 *       ink when any pixel of the 3×3 block around it is. On faxed faded pages rendered in code
 *       (typewriter and serif, two seeds each), CER at 68–77% specks fell from 9–40% to 3–6%, and
 *       at 87–91% from 91–100% to 11–23%; at 40–57% the wider block was no better, so the 2×2
 *       block stays there. On the old-records development page with 68% specks, CER fell from
 *       17% to 10%.
 * </ul>
 */
public final class Bilevel {
  /** Above this share of specks among the ink patches, the print is broken. */
  private static final double BROKEN = 0.10;
  /** Above this share, the print is scattered dots: thickened over a 3×3 block. */
  private static final double SCATTERED = 0.60;
  /** A patch of this many pixels or fewer is a speck. */
  private static final int SPECK = 4;
  /** The side of the middle window specks are counted in: most of an A4 page at 300 dpi. */
  private static final int WINDOW = 2400;

  /**
   * A bilevel page ready for reading.
   *
   * @param gray the page in 8-bit grey
   * @param remedy {@code softened}, {@code thickened} or {@code thickened-wide}
   */
  public record Prepared(BufferedImage gray, String remedy) {}

  private Bilevel() {}

  /** Whether a scan is black and white: one bit per pixel. */
  public static boolean is(BufferedImage scan) {
    return scan.getColorModel().getPixelSize() == 1;
  }

  /** @param gray a bilevel scan (see {@link #is}) in 8-bit grey, as {@link Grayscale#of} makes */
  public static Prepared prepare(BufferedImage gray) {
    double specks = broken(gray);
    if (specks > SCATTERED) {
      return new Prepared(widened(gray), "thickened-wide");
    }
    return specks > BROKEN ? new Prepared(combined(gray, true), "thickened")
        : new Prepared(combined(gray, false), "softened");
  }

  /**
   * The share of the page's ink patches that are specks, counted in the middle of the page, at
   * most {@link #WINDOW} pixels each way: enough print to judge, and a label per pixel of a
   * window, not of a poster-sized scan.
   */
  static double broken(BufferedImage gray) {
    int w = Math.min(WINDOW, gray.getWidth());
    int h = Math.min(WINDOW, gray.getHeight());
    int x0 = (gray.getWidth() - w) / 2;
    int y0 = (gray.getHeight() - h) / 2;
    byte[] pixels = Grayscale.pixels(gray);
    boolean[] ink = new boolean[w * h];
    for (int y = 0; y < h; y++) {
      int row = (y0 + y) * gray.getWidth() + x0;
      for (int x = 0; x < w; x++) {
        ink[y * w + x] = (pixels[row + x] & 0xff) < 128;
      }
    }
    List<Blobs.Blob> all = Blobs.of(ink, w, h).all();
    long specks = all.stream().filter(b -> b.pixels() <= SPECK).count();
    return all.isEmpty() ? 0 : (double) specks / all.size();
  }

  /** Each pixel the darkest of the 3×3 block around it: a row pass, then a column pass. */
  private static BufferedImage widened(BufferedImage gray) {
    int w = gray.getWidth();
    int h = gray.getHeight();
    byte[] in = Grayscale.pixels(gray);
    byte[] rows = new byte[in.length];
    for (int y = 0; y < h; y++) {
      int row = y * w;
      for (int x = 0; x < w; x++) {
        int darkest = in[row + x] & 0xff;
        if (x > 0) {
          darkest = Math.min(darkest, in[row + x - 1] & 0xff);
        }
        if (x < w - 1) {
          darkest = Math.min(darkest, in[row + x + 1] & 0xff);
        }
        rows[row + x] = (byte) darkest;
      }
    }
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    byte[] target = Grayscale.pixels(out);
    for (int y = 0; y < h; y++) {
      int row = y * w;
      for (int x = 0; x < w; x++) {
        int darkest = rows[row + x] & 0xff;
        if (y > 0) {
          darkest = Math.min(darkest, rows[row - w + x] & 0xff);
        }
        if (y < h - 1) {
          darkest = Math.min(darkest, rows[row + w + x] & 0xff);
        }
        target[row + x] = (byte) darkest;
      }
    }
    return out;
  }

  /** Each pixel the darkest ({@code thicken}) or the mean of its 2×2 block (to the lower right). */
  private static BufferedImage combined(BufferedImage gray, boolean thicken) {
    int w = gray.getWidth();
    int h = gray.getHeight();
    byte[] in = Grayscale.pixels(gray);
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    byte[] target = Grayscale.pixels(out);
    for (int y = 0; y < h; y++) {
      int row = y * w;
      int below = y < h - 1 ? row + w : row;
      for (int x = 0; x < w; x++) {
        int right = x < w - 1 ? 1 : 0;
        int a = in[row + x] & 0xff;
        int b = in[row + x + right] & 0xff;
        int c = in[below + x] & 0xff;
        int d = in[below + x + right] & 0xff;
        target[row + x] = (byte) (thicken ? Math.min(Math.min(a, b), Math.min(c, d))
            : (a + b + c + d + 2) >> 2);
      }
    }
    return out;
  }
}
