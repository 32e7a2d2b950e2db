package sohoa.ocr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import sohoa.core.text.Box;
import sohoa.core.text.PageText;
import sohoa.core.text.TextLine;

/**
 * Puts blocks printed side by side in reading order. Tesseract reads the two header blocks of a
 * Decree 30 document (agency and number on the left; national title, place and date on the
 * right), and the recipients beside the signer, as lines running across the page, so the text
 * layer said "UBND TỈNH THANH HÓA CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": a copy, a search for a
 * phrase, anything reading the PDF got the two blocks woven together; or it gives the blocks'
 * lines one after the other, row by row. Lines are cut at their column gaps, pieces side by side
 * make a row, and each run of rows in two columns is given left column first, then right, each
 * top to bottom.
 */
final class ReadingOrder {
  private ReadingOrder() {}

  static PageText of(PageText text) {
    List<List<TextLine>> rows = rows(text.lines().stream()
        .flatMap(line -> line.columns().stream()).toList());
    List<TextLine> ordered = new ArrayList<>();
    int row = 0;
    while (row < rows.size()) {
      if (rows.get(row).size() == 2) {
        row = band(rows, row, ordered);
      } else {
        ordered.addAll(rows.get(row++));
      }
    }
    return new PageText(text.width(), text.height(), ordered, text.origin());
  }

  /**
   * The pieces in rows: each piece joins the row before it when it lies beside every piece of it
   * (a line cut at its column gap, or the two blocks' lines Tesseract gave one after the other,
   * row by row), left to right.
   */
  private static List<List<TextLine>> rows(List<TextLine> pieces) {
    List<List<TextLine>> rows = new ArrayList<>();
    for (TextLine piece : pieces) {
      List<TextLine> last = rows.isEmpty() ? List.of() : rows.get(rows.size() - 1);
      if (!last.isEmpty() && last.stream().allMatch(other -> beside(other, piece))) {
        last.add(piece);
        last.sort(Comparator.comparingInt(p -> p.box().left()));
      } else {
        rows.add(new ArrayList<>(List.of(piece)));
      }
    }
    return rows;
  }

  /** Whether two pieces share most of their height and none of their width. */
  private static boolean beside(TextLine a, TextLine b) {
    Box x = a.box();
    Box y = b.box();
    int overlap = Math.min(x.bottom(), y.bottom()) - Math.max(x.top(), y.top());
    return overlap >= 0.5 * Math.min(x.height(), y.height())
        && (x.right() <= y.left() || y.right() <= x.left());
  }

  /**
   * The run of rows from {@code first} (a row in two columns) that keeps to its two columns: rows
   * cut in two with the same gutter, and single pieces that lie on one side of it. Adds its left
   * pieces, then its right ones, to {@code into}; the row after the run.
   */
  private static int band(List<List<TextLine>> rows, int first, List<TextLine> into) {
    // The gutter: what lies between every left piece and every right piece so far.
    int gutterLeft = rows.get(first).get(0).box().right();
    int gutterRight = rows.get(first).get(1).box().left();
    List<TextLine> left = new ArrayList<>();
    List<TextLine> right = new ArrayList<>();
    int row = first;
    for (; row < rows.size(); row++) {
      List<TextLine> pieces = rows.get(row);
      if (pieces.size() == 2 && pieces.get(0).box().right() < gutterRight
          && pieces.get(1).box().left() > gutterLeft) {
        left.add(pieces.get(0));
        right.add(pieces.get(1));
      } else if (pieces.size() == 1 && pieces.get(0).box().right() < gutterRight) {
        left.add(pieces.get(0));
      } else if (pieces.size() == 1 && pieces.get(0).box().left() > gutterLeft) {
        right.add(pieces.get(0));
      } else {
        break;
      }
      // Narrowed by the pieces just added (the last of each side; both sides have one).
      gutterLeft = Math.max(gutterLeft, left.get(left.size() - 1).box().right());
      gutterRight = Math.min(gutterRight, right.get(right.size() - 1).box().left());
    }
    into.addAll(left);
    into.addAll(right);
    return row;
  }
}
