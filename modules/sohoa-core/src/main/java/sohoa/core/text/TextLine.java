package sohoa.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Words the engine read as one printed line, left to right. */
public record TextLine(List<Word> words) {
  /**
   * A gap between two words wider than this many of the line's word heights separates two
   * columns (the two header blocks of a Decree 30 document, the recipients beside the signer), not
   * two words: a justified line's widest space is well under it.
   */
  public static final double COLUMN_GAP = 2.2;

  public TextLine {
    if (words.isEmpty()) {
      throw new IllegalArgumentException("a line needs at least one word");
    }
    words = List.copyOf(words);
  }

  public String text() {
    return words.stream().map(Word::text).collect(Collectors.joining(" "));
  }

  public Box box() {
    return words.stream().map(Word::box).reduce(Box::union).orElseThrow();
  }

  /**
   * This line cut at its column gaps, left to right: one piece when it runs in one column, as the
   * engine may read two columns side by side as one line.
   */
  public List<TextLine> columns() {
    int[] heights = words.stream().map(Word::box).mapToInt(Box::height).sorted().toArray();
    double widest = COLUMN_GAP * heights[heights.length / 2];
    List<TextLine> pieces = new ArrayList<>();
    List<Word> run = new ArrayList<>();
    Word previous = null;
    for (Word word : words) {
      if (previous != null && word.box().left() - previous.box().right() > widest) {
        pieces.add(new TextLine(run));
        run = new ArrayList<>();
      }
      run.add(word);
      previous = word;
    }
    pieces.add(new TextLine(run));
    return pieces;
  }
}
