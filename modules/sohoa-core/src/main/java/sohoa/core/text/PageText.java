package sohoa.core.text;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The text of one page in reading order, in the pixel coordinates of an image of
 * {@code width}×{@code height}. A page with no text has no lines and a mean confidence of 0.
 */
public record PageText(int width, int height, List<TextLine> lines, TextOrigin origin) {
  public PageText {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("page size must be positive, got " + width + "x" + height);
    }
    lines = List.copyOf(lines);
  }

  public static PageText empty(int width, int height, TextOrigin origin) {
    return new PageText(width, height, List.of(), origin);
  }

  public List<Word> words() {
    return lines.stream().flatMap(l -> l.words().stream()).toList();
  }

  /** One line of text per printed line, NFC. */
  public String plainText() {
    return lines.stream().map(TextLine::text).collect(Collectors.joining("\n"));
  }

  /**
   * The same text on the same page shown at another size: every box scaled to an image of
   * {@code newWidth}×{@code newHeight}, as when a page read enlarged is laid back on its scan.
   */
  public PageText resizedTo(int newWidth, int newHeight) {
    double sx = (double) newWidth / width;
    double sy = (double) newHeight / height;
    return onPage(newWidth, newHeight, box -> Box.around(box.left() * sx, box.top() * sy,
        box.right() * sx, box.bottom() * sy, newWidth, newHeight));
  }

  /**
   * The same text on an image of the same page of {@code newWidth}×{@code newHeight}, each word's
   * box where {@code move} puts it, as when a page read after a correction of its geometry is laid
   * back on the image before it.
   */
  public PageText onPage(int newWidth, int newHeight, UnaryOperator<Box> move) {
    return new PageText(newWidth, newHeight, withWords(word ->
        new Word(word.text(), move.apply(word.box()), word.confidence())).lines, origin);
  }

  /** The same page with each word as {@code change} gives it, in the same lines. */
  public PageText withWords(UnaryOperator<Word> change) {
    return new PageText(width, height, lines.stream().map(line -> new TextLine(
        line.words().stream().map(change).toList())).toList(), origin);
  }

  /** Mean word confidence weighted by word length, so one-letter noise does not dominate. */
  public float meanConfidence() {
    double weighted = 0;
    long letters = 0;
    for (Word w : words()) {
      weighted += (double) w.confidence() * w.text().length();
      letters += w.text().length();
    }
    return letters == 0 ? 0f : (float) (weighted / letters);
  }
}
