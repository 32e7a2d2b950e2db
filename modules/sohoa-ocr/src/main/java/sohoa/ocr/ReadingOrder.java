package sohoa.ocr;

import java.util.ArrayList;
import java.util.List;
import sohoa.core.text.PageText;
import sohoa.core.text.TextLine;

/**
 * Puts blocks printed side by side in reading order. Tesseract reads the two header blocks of a
 * Decree 30 document (agency and number on the left; national title, place and date on the
 * right), and the recipients beside the signer, as lines running across the page, so the text
 * layer said "UBND TỈNH THANH HÓA CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": a copy, a search for a
 * phrase, anything reading the PDF got the two blocks woven together. Lines are cut at their
 * column gaps, and each run of lines in two columns is given left column first, then right, each
 * top to bottom.
 */
final class ReadingOrder {
  private ReadingOrder() {}

  static PageText of(PageText text) {
    List<List<TextLine>> rows = text.lines().stream().map(TextLine::columns).toList();
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
      gutterLeft = left.stream().mapToInt(l -> l.box().right()).max().orElse(gutterLeft);
      gutterRight = right.stream().mapToInt(l -> l.box().left()).min().orElse(gutterRight);
    }
    into.addAll(left);
    into.addAll(right);
    return row;
  }
}
