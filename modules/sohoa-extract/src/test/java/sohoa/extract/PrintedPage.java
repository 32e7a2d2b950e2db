package sohoa.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import sohoa.core.text.Box;
import sohoa.core.text.PageText;
import sohoa.core.text.TextLine;
import sohoa.core.text.TextOrigin;
import sohoa.core.text.Word;

/**
 * A page of text placed as an A4 page at 300 dpi prints it, for extraction tests: each call puts
 * a run of words at a column and a line, 20 px per character, 40 px high.
 */
final class PrintedPage {
  static final int WIDTH = 2480;
  static final int LEFT = 280;
  static final int RIGHT = 2200;
  private final List<List<Word>> lines = new ArrayList<>();
  private float confidence = 95f;

  /** The confidence every word of the page is read with. */
  PrintedPage withConfidence(float value) {
    confidence = value;
    return this;
  }

  /** Words starting at {@code x} on line {@code line} (60 px apart); joined with that line. */
  PrintedPage at(int line, int x, String text) {
    while (lines.size() <= line) {
      lines.add(new ArrayList<>());
    }
    int left = x;
    for (String word : text.split(" ")) {
      int width = 20 * word.length();
      lines.get(line).add(new Word(word, new Box(left, 200 + 60 * line, left + width,
          240 + 60 * line), 95f));
      left += width + 12;
    }
    return this;
  }

  PrintedPage left(int line, String text) {
    return at(line, centredAt(700, text), text);
  }

  PrintedPage right(int line, String text) {
    return at(line, centredAt(1650, text), text);
  }

  PrintedPage centre(int line, String text) {
    return at(line, centredAt((LEFT + RIGHT) / 2, text), text);
  }

  /** A body line across the text block. */
  PrintedPage body(int line, String text) {
    return at(line, LEFT, text + " " + "x".repeat(Math.max(1, 90 - text.length())));
  }

  private static int centredAt(int middle, String text) {
    return Math.max(0, middle - text.length() * 16 / 2);
  }

  PageText text() {
    List<TextLine> text = new ArrayList<>();
    for (List<Word> words : lines) {
      if (!words.isEmpty()) {
        text.add(new TextLine(words.stream()
            .sorted(Comparator.comparingInt(w -> w.box().left()))
            .map(w -> new Word(w.text(), w.box(), confidence)).toList()));
      }
    }
    return new PageText(WIDTH, 3508, text, TextOrigin.OCR);
  }
}
