package sohoa.ocr.preprocess;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Finds the paper in a scan and what on it is not text. What a copier or a phone adds around and
 * on a sheet (the dark gutter and edges of a photocopy, the table under a photographed page, the
 * frame its edge draws, punch holes) is ink to a projection profile and to Tesseract alike: a
 * gutter running down the page is the sharpest "line" there is, which is how an upright page came
 * to be judged sideways. Such patches are told from text by their shape (patches of ink touching
 * the scan's edge or running round the sheet, lines and frames longer than any line of print,
 * solid discs near an edge),
 * erased from the image that is read, and left out of the ink that orientation is judged from;
 * that ink also leaves out what is too large to be a letter or a word (seals, signatures, rules).
 * The scan itself is never changed.
 *
 * <p>Found on a copy reduced to about 100 dpi, each pixel the darkest of its block so that a thin
 * frame survives the reduction; erased at full resolution.
 */
public final class Paper {
  /** Patches touching the edge and larger than this (inches) are what lies around the paper. */
  private static final double EDGE_PATCH = 0.3;
  /** A line of print is shorter than this (inches); a rule or a frame may be longer. */
  private static final double LONGEST_PRINT = 3.0;
  /** A patch longer than a line of print and thinner than this (inches) is a rule or an edge. */
  private static final double THINNEST_LINE = 0.35;
  /** A long patch filling less of its box than this is a frame or a slanted line. */
  private static final double FRAME_FILL = 0.05;
  /**
   * A patch whose box spans more than this share of the page each way, and fills less than
   * {@link #RIM_FILL} of it, runs around the sheet: the rim a photographed sheet's edge leaves
   * once the table under it is evened out, however thick (a rim a fifth of an inch wide round a
   * sheet fills a twelfth of its box, too much for {@link #FRAME_FILL}).
   */
  private static final double RIM_SPAN = 0.75;
  private static final double RIM_FILL = 0.25;
  /** Punch holes are 5 to 8 mm wide; these bounds (inches) leave room for a shadowed rim. */
  private static final double HOLE_MIN = 0.18;
  private static final double HOLE_MAX = 0.45;
  /** Nothing lies closer to a punch hole than this (inches); a letter's word is closer. */
  private static final double HOLE_SPACE = 0.15;
  /** And they sit within this distance (inches) of an edge of the sheet. */
  private static final double HOLE_REACH = 1.3;
  /** A letter or a word is not thicker than this (inches) across its lines. */
  private static final double THICKEST_PRINT = 0.5;
  private static final byte WHITE = (byte) 255;

  /**
   * What was found.
   *
   * @param reading the page with what is not paper erased (the page itself when nothing was)
   * @param text the page's letters and words alone, black on white, at {@code textDpi}
   * @param edges patches around or at the edge of the paper that were erased
   * @param lines rules and frames longer than a line of print that were erased
   * @param holes punch holes that were erased
   * @param erasedShare the share of the page's ink that was erased
   */
  public record Found(BufferedImage reading, BufferedImage text, int textDpi, int edges, int lines,
      int holes, double erasedShare) {
    /** Whether anything was erased. */
    public boolean erased() {
      return edges + lines + holes > 0;
    }
  }

  private Paper() {}

  /**
   * @param gray an 8-bit grey page (see {@link Grayscale#of}); it is not modified
   * @param dpi its resolution
   */
  public static Found find(BufferedImage gray, int dpi) {
    int reduction = Math.max(1, (int) Math.round(dpi / 100.0));
    double inch = (double) dpi / reduction;
    int w = gray.getWidth() / reduction;
    int h = gray.getHeight() / reduction;
    boolean[] ink = darkest(gray, reduction, w, h);
    Blobs blobs = Blobs.of(ink, w, h);
    boolean[] erase = new boolean[blobs.all().size() + 1];
    boolean[] print = new boolean[blobs.all().size() + 1];
    int edges = 0;
    int lines = 0;
    int holes = 0;
    long inkTotal = 0;
    long inkErased = 0;
    for (Blobs.Blob blob : blobs.all()) {
      inkTotal += blob.pixels();
      int longer = Math.max(blob.width(), blob.height());
      int shorter = Math.min(blob.width(), blob.height());
      if (blob.touchesEdge() && longer > EDGE_PATCH * inch
          || blob.width() > RIM_SPAN * w && blob.height() > RIM_SPAN * h
              && blob.fill() < RIM_FILL) {
        edges++;
      } else if (longer > LONGEST_PRINT * inch
          && (shorter < THINNEST_LINE * inch || blob.fill() < FRAME_FILL)) {
        lines++;
      } else if (isHole(blob, inch, w, h) && isolated(blob, blobs.all(), inch)) {
        holes++;
      } else {
        print[blob.label()] = shorter <= THICKEST_PRINT * inch && longer <= LONGEST_PRINT * inch;
        continue;
      }
      erase[blob.label()] = true;
      inkErased += blob.pixels();
    }
    BufferedImage text = only(blobs, w, h, label -> print[label]);
    BufferedImage reading = edges + lines + holes == 0 ? gray
        : erased(gray, blobs, erase, reduction, w, h);
    return new Found(reading, text, (int) Math.round(inch), edges, lines, holes,
        inkTotal == 0 ? 0 : (double) inkErased / inkTotal);
  }

  private static boolean isHole(Blobs.Blob blob, double inch, int w, int h) {
    double aspect = (double) blob.width() / blob.height();
    if (blob.width() < HOLE_MIN * inch || blob.width() > HOLE_MAX * inch
        || aspect < 0.7 || aspect > 1.4 || blob.fill() < 0.6) {
      return false;
    }
    double reach = HOLE_REACH * inch;
    return blob.left() < reach || blob.top() < reach || w - blob.right() < reach
        || h - blob.bottom() < reach;
  }

  /**
   * Whether no other patch lies within {@link #HOLE_SPACE} of it: a bold letter in the margin's
   * reach has its word around it, a word space or less away; a hole stands alone in the margin.
   * Patches longer than a line of print (a gutter, a frame) are no neighbours: their boxes span
   * the page.
   */
  private static boolean isolated(Blobs.Blob hole, List<Blobs.Blob> all, double inch) {
    int gap = (int) Math.round(HOLE_SPACE * inch);
    for (Blobs.Blob other : all) {
      boolean printSized = Math.max(other.width(), other.height()) <= LONGEST_PRINT * inch;
      if (other != hole && printSized && other.right() > hole.left() - gap && other.left() < hole.right() + gap
          && other.bottom() > hole.top() - gap && other.top() < hole.bottom() + gap) {
        return false;
      }
    }
    return true;
  }

  /** Ink flags of the reduced page: a block is ink when its darkest pixel is. */
  static boolean[] darkest(BufferedImage gray, int reduction, int w, int h) {
    byte[] pixels = Grayscale.pixels(gray);
    int threshold = Grayscale.otsu(pixels);
    int stride = gray.getWidth();
    boolean[] ink = new boolean[w * h];
    for (int y = 0; y < h; y++) {
      for (int dy = 0; dy < reduction; dy++) {
        int row = (y * reduction + dy) * stride;
        for (int x = 0; x < w; x++) {
          if (ink[y * w + x]) {
            continue;
          }
          int start = row + x * reduction;
          for (int dx = 0; dx < reduction; dx++) {
            if ((pixels[start + dx] & 0xff) < threshold) {
              ink[y * w + x] = true;
              break;
            }
          }
        }
      }
    }
    return ink;
  }

  /** The reduced page with only the patches {@code keep} accepts, black on white. */
  private static BufferedImage only(Blobs blobs, int w, int h, Predicate<Integer> keep) {
    BufferedImage out = new BufferedImage(Math.max(1, w), Math.max(1, h),
        BufferedImage.TYPE_BYTE_GRAY);
    byte[] target = Grayscale.pixels(out);
    for (int i = 0; i < w * h; i++) {
      int label = blobs.labelAt(i);
      target[i] = label != 0 && keep.test(label) ? 0 : WHITE;
    }
    return out;
  }

  /**
   * A copy of the page with the erased patches painted white at full resolution, each grown by
   * one reduced pixel so that their soft rims go too.
   */
  private static BufferedImage erased(BufferedImage gray, Blobs blobs, boolean[] erase,
      int reduction, int w, int h) {
    BufferedImage out = new BufferedImage(gray.getWidth(), gray.getHeight(),
        BufferedImage.TYPE_BYTE_GRAY);
    byte[] target = Grayscale.pixels(out);
    System.arraycopy(Grayscale.pixels(gray), 0, target, 0, target.length);
    int stride = gray.getWidth();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (!erase[blobs.labelAt(y * w + x)]) {
          continue;
        }
        int x0 = Math.max(0, (x - 1) * reduction);
        int x1 = Math.min(stride, (x + 2) * reduction);
        int y1 = Math.min(gray.getHeight(), (y + 2) * reduction);
        for (int fy = Math.max(0, (y - 1) * reduction); fy < y1; fy++) {
          Arrays.fill(target, fy * stride + x0, fy * stride + x1, WHITE);
        }
      }
    }
    return out;
  }
}
