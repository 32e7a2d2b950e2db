package sohoa.ocr.preprocess;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import sohoa.core.text.Box;

/**
 * Where a straightened page has lines of print: its letter-sized patches of ink, joined along a
 * line when they overlap it in height and lie at most a word space or two apart (at 100 dpi the
 * letters of a word often touch: one patch). Found on a copy reduced to about 100 dpi, boxes given
 * in the page's own pixels. Seals and signatures are too tall, rules and specks too thin, to count
 * as print.
 */
public final class PrintLines {
  /** A letter's patch is at least this tall (inches): a comma or a speck is not. */
  private static final double SHORTEST_LETTER = 0.035;
  /** And at most this tall (inches): a seal or a signature is taller. */
  private static final double TALLEST_LETTER = 0.4;
  /** Letters touching at 100 dpi make one patch of a word, at most this wide (inches). */
  private static final double WIDEST_WORD = 3.0;
  /** Patches further apart than this (inches) along a line are not one line: header columns. */
  private static final double WIDEST_GAP = 0.25;
  /** A line of print is at least this long (inches) and this many patches. */
  private static final double SHORTEST_LINE = 0.4;
  private static final int FEWEST_PATCHES = 2;

  private PrintLines() {}

  /** @param gray an 8-bit grey page (see {@link Grayscale#of}) at {@code dpi} */
  public static List<Box> of(BufferedImage gray, int dpi) {
    int reduction = Math.max(1, (int) Math.round(dpi / 100.0));
    double inch = (double) dpi / reduction;
    int w = gray.getWidth() / reduction;
    int h = gray.getHeight() / reduction;
    List<Blobs.Blob> letters = new ArrayList<>();
    for (Blobs.Blob blob : Blobs.of(Paper.darkest(gray, reduction, w, h), w, h).all()) {
      if (blob.height() >= SHORTEST_LETTER * inch && blob.height() <= TALLEST_LETTER * inch
          && blob.width() <= WIDEST_WORD * inch && !blob.touchesEdge()) {
        letters.add(blob);
      }
    }
    letters.sort(Comparator.comparingInt(Blobs.Blob::left));
    List<int[]> lines = new ArrayList<>(); // left, top, right, bottom, patches
    for (Blobs.Blob letter : letters) {
      int[] joined = null;
      for (int[] line : lines) {
        int overlap = Math.min(line[3], letter.bottom()) - Math.max(line[1], letter.top());
        if (overlap * 2 >= Math.min(line[3] - line[1], letter.height())
            && letter.left() - line[2] <= WIDEST_GAP * inch) {
          joined = line;
          break;
        }
      }
      if (joined == null) {
        lines.add(new int[] {letter.left(), letter.top(), letter.right(), letter.bottom(), 1});
      } else {
        joined[0] = Math.min(joined[0], letter.left());
        joined[1] = Math.min(joined[1], letter.top());
        joined[2] = Math.max(joined[2], letter.right());
        joined[3] = Math.max(joined[3], letter.bottom());
        joined[4]++;
      }
    }
    List<Box> boxes = new ArrayList<>();
    for (int[] line : lines) {
      if (line[2] - line[0] >= SHORTEST_LINE * inch && line[4] >= FEWEST_PATCHES) {
        boxes.add(new Box(line[0] * reduction, line[1] * reduction,
            Math.min(gray.getWidth(), line[2] * reduction),
            Math.min(gray.getHeight(), line[3] * reduction)));
      }
    }
    return boxes;
  }
}
