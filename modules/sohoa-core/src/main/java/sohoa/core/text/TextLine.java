package sohoa.core.text;

import java.util.List;
import java.util.stream.Collectors;

/** Words the engine read as one printed line, left to right. */
public record TextLine(List<Word> words) {
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
}
