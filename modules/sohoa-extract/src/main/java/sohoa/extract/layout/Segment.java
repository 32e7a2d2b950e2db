package sohoa.extract.layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import sohoa.core.text.Box;
import sohoa.core.text.Folding;
import sohoa.core.text.Word;

/**
 * A run of words printed together on one line of one page: a printed line, or the part of it on
 * one side of a wide gap. Decree 30 prints the agency and the national title side by side, and the
 * OCR reads them as one line; a segment is each of them alone.
 */
public record Segment(int page, List<Word> words) {
  public Segment {
    if (words.isEmpty()) {
      throw new IllegalArgumentException("a segment needs at least one word");
    }
    words = List.copyOf(words);
  }

  public String text() {
    return words.stream().map(Word::text).collect(Collectors.joining(" "));
  }

  /** {@link #text()} folded; the same length, so positions carry over. */
  public String folded() {
    return Folding.fold(text());
  }

  public Box box() {
    return words.stream().map(Word::box).reduce(Box::union).orElseThrow();
  }

  public int centerX() {
    Box box = box();
    return (box.left() + box.right()) / 2;
  }

  /**
   * The words that end before character {@code index} of {@link #text()}: the part of a line
   * before a phrase that belongs to the next column, when the gap between them was too narrow
   * to split them.
   */
  public Optional<Segment> before(int index) {
    List<Word> kept = new ArrayList<>();
    int end = 0;
    for (Word word : words) {
      end += (kept.isEmpty() ? 0 : 1) + word.text().length();
      if (end > index) {
        break;
      }
      kept.add(word);
    }
    return kept.isEmpty() ? Optional.empty() : Optional.of(new Segment(page, kept));
  }

  /** Length-weighted mean of the words' confidences, 0 to 1. */
  public double confidence() {
    double weighted = 0;
    int letters = 0;
    for (Word word : words) {
      weighted += word.confidence() * word.text().length();
      letters += word.text().length();
    }
    return weighted / letters / 100;
  }

  /** True when the segment has letters and none of them is lower case, like agency names. */
  public boolean upperCase() {
    String text = text();
    boolean letters = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      letters |= Character.isLetter(c);
    }
    return letters;
  }

  /** Share of the characters (spaces aside) that are letters. */
  public double letterShare() {
    String text = text();
    int letters = 0;
    int all = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)) {
        all++;
        if (Character.isLetter(c)) {
          letters++;
        }
      }
    }
    return all == 0 ? 0 : (double) letters / all;
  }
}
