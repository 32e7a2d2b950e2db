package sohoa.ocr.preprocess;

import java.awt.image.BufferedImage;

/**
 * Separates coloured ink from black before a colour scan is turned grey. An agency's round seal
 * is red and signatures are often blue: in plain grey (luminance) both are as dark as print, and
 * where a seal lies over the signer block Tesseract reads neither the seal nor the lines under it.
 * Print is black or grey, so a pixel with a strong hue is coloured ink and becomes paper in the
 * image that is read; where black print lies under a seal the pixel stays dark (dark red is still
 * dark), so the print shows through. Pixels of little hue are converted as before.
 */
public final class ColourInk {
  /** Below this chroma (max minus min channel, of 255) a pixel is grey: print or paper. */
  private static final int GREY = 40;
  /** Above this it is coloured ink through and through; between the two, a blend. */
  private static final int COLOURED = 90;
  /** Less than this share of coloured pixels is a tint or a logo, not a seal or a signature. */
  private static final double MEANINGFUL = 0.0005;

  /**
   * @param grey the page for reading, coloured ink removed when there was enough of it to matter
   * @param share the share of the page's pixels that were coloured ink
   */
  public record Separated(BufferedImage grey, double share) {
    /** Whether coloured ink was removed. */
    public boolean removed() {
      return share >= MEANINGFUL;
    }
  }

  private ColourInk() {}

  /** The page in 8-bit grey for reading; see the class comment. */
  public static Separated separate(BufferedImage scan) {
    if (scan.getColorModel().getNumColorComponents() < 3) {
      return new Separated(Grayscale.of(scan), 0);
    }
    int w = scan.getWidth();
    int h = scan.getHeight();
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    byte[] target = Grayscale.pixels(out);
    int[] row = new int[w];
    long coloured = 0;
    for (int y = 0; y < h; y++) {
      scan.getRGB(0, y, w, 1, row, 0, w);
      for (int x = 0; x < w; x++) {
        int rgb = row[x];
        int r = rgb >> 16 & 0xff;
        int g = rgb >> 8 & 0xff;
        int b = rgb & 0xff;
        int max = Math.max(r, Math.max(g, b));
        int chroma = max - Math.min(r, Math.min(g, b));
        // ITU-R BT.601 luma, as Java's own grey conversion weighs the channels.
        int luma = (299 * r + 587 * g + 114 * b) / 1000;
        if (chroma <= GREY) {
          target[y * w + x] = (byte) luma;
          continue;
        }
        if (chroma >= COLOURED) {
          coloured++;
        }
        int paper = Math.min(255, max + chroma / 2);
        int share = Math.min(COLOURED, chroma) - GREY;
        target[y * w + x] = (byte) ((luma * (COLOURED - GREY - share) + paper * share)
            / (COLOURED - GREY));
      }
    }
    double share = (double) coloured / ((long) w * h);
    return share < MEANINGFUL ? new Separated(Grayscale.of(scan), share)
        : new Separated(out, share);
  }
}
