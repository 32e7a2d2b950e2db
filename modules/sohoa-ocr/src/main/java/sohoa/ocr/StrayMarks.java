package sohoa.ocr;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import sohoa.core.text.PageText;
import sohoa.core.text.TextLine;
import sohoa.core.text.Word;

/**
 * Leaves out of a page's text the words Tesseract read off marks that are not print. On a
 * black-and-white scan a seal stays in the image read (its colour, by which it is taken out of a
 * colour scan, is gone), and its ring, its letters set round the ring, the signature over it, a
 * speck or a hole's rim are read as short runs of letters: "ó£ Ssesiv7'+", "@®", "NÂ+ mỊK", or a
 * ring letter a line of its own.
 *
 * <p>They are told from print by where they stand and how sure the engine is: a word read with a
 * confidence under 30 in a line of at most four words, or a lone letter making up a line of one
 * or two words. A line of print is read with a confidence above 90; a poorly printed word in a
 * long line stays, as it is mostly right and a deletion would lose more than it mends. Kept
 * whatever the confidence: words with a digit or a slash (a document's number and symbol, số ký
 * hiệu, or a date, which Tesseract reads unsure for want of such words in its model) and
 * abbreviations in capitals ("VT.", "UBND").
 */
final class StrayMarks {
  /** Below this confidence (of 100) a word in a short line is taken for a mark. */
  static final float UNSURE = 30f;
  /** Lines of at most this many words are short: a seal's or signature's marks read as a line. */
  static final int SHORT_LINE = 4;
  private static final Pattern KEPT = Pattern.compile(".*[0-9/].*|[A-ZĐ]{2,}[.,;:]?");

  private StrayMarks() {}

  /** A page's text with the marks' words left out, and how many there were. */
  record Cleared(PageText text, int words) {}

  static Cleared of(PageText page) {
    List<TextLine> lines = new ArrayList<>();
    int left = 0;
    for (TextLine line : page.lines()) {
      List<Word> kept = line.words().stream().filter(w -> !stray(w, line.words().size()))
          .toList();
      left += line.words().size() - kept.size();
      if (!kept.isEmpty()) {
        lines.add(kept.size() == line.words().size() ? line : new TextLine(kept));
      }
    }
    return new Cleared(left == 0 ? page
        : new PageText(page.width(), page.height(), lines, page.origin()), left);
  }

  static boolean stray(Word word, int lineLength) {
    String text = word.text();
    if (lineLength <= 2 && text.codePointCount(0, text.length()) == 1
        && Character.isLetter(text.codePointAt(0))) {
      return true;
    }
    return lineLength <= SHORT_LINE && word.confidence() < UNSURE
        && !KEPT.matcher(text).matches();
  }
}
