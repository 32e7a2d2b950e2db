package sohoa.extract.layout;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import sohoa.core.text.Box;
import sohoa.core.text.PageText;
import sohoa.core.text.TextLine;

/**
 * One page's text as segments from top to bottom, with where the text block lies, so that fields
 * can be looked for where Decree 30 puts them: the left or right header column, centred title
 * lines, the signer's column at the foot.
 */
public record PageLayout(int page, int width, int height, List<Segment> segments, int textLeft,
    int textRight) {
  public PageLayout {
    segments = List.copyOf(segments);
  }

  /** Splits each line of {@code text} at its column gaps and orders the pieces top to bottom. */
  public static PageLayout of(int page, PageText text) {
    List<Segment> segments = new ArrayList<>();
    for (TextLine line : text.lines()) {
      split(page, line, segments);
    }
    segments = inRows(segments);
    int left = segments.stream().mapToInt(s -> s.box().left()).min().orElse(0);
    int right = segments.stream().mapToInt(s -> s.box().right()).max().orElse(text.width());
    return new PageLayout(page, text.width(), text.height(), segments, left, right);
  }

  /** Top to bottom; segments whose tops lie within half a line of each other, left to right. */
  private static List<Segment> inRows(List<Segment> segments) {
    List<Segment> byTop = new ArrayList<>(segments);
    byTop.sort(Comparator.comparingInt(s -> s.box().top()));
    List<Segment> ordered = new ArrayList<>();
    List<Segment> row = new ArrayList<>();
    for (Segment segment : byTop) {
      if (!row.isEmpty()
          && segment.box().top() > row.get(0).box().top() + row.get(0).box().height() / 2) {
        row.sort(Comparator.comparingInt(s -> s.box().left()));
        ordered.addAll(row);
        row.clear();
      }
      row.add(segment);
    }
    row.sort(Comparator.comparingInt(s -> s.box().left()));
    ordered.addAll(row);
    return ordered;
  }

  private static void split(int page, TextLine line, List<Segment> into) {
    line.columns().forEach(piece -> into.add(new Segment(page, piece.words())));
  }

  public int textWidth() {
    return Math.max(1, textRight - textLeft);
  }

  /** In the left column of a two-column header: centred left of the text block's middle. */
  public boolean leftColumn(Segment segment) {
    return segment.centerX() < textLeft + textWidth() * 0.45;
  }

  /** In the right column: centred right of the text block's middle. */
  public boolean rightColumn(Segment segment) {
    return segment.centerX() > textLeft + textWidth() * 0.55;
  }

  /** Centred on the text block and narrower than it, as titles are. */
  public boolean centred(Segment segment) {
    Box box = segment.box();
    int middle = textLeft + textWidth() / 2;
    return Math.abs(segment.centerX() - middle) < textWidth() * 0.08
        && box.width() < textWidth() * 0.9;
  }

  /** As wide as the text block, as body lines are. */
  public boolean fullWidth(Segment segment) {
    return segment.box().width() > textWidth() * 0.85;
  }
}
