package sohoa.ocr.vietnamese;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import sohoa.core.text.PageText;
import sohoa.core.text.TextLine;
import sohoa.core.text.Word;

/**
 * The small l of typewritten pages. A typewriter's l (a Courier-like face's, with a flag at its
 * top and a foot) is read by Tesseract's {@code vie} model as a capital L in the middle of a
 * sentence: "Lập kế hoạch", "dữ Liệu", "Là", "tỷ Lệ" on the old typewritten decisions of
 * ocr-dev-hard, about one word in forty. On a typewritten page such a capital, between two words
 * that do not start with one and after no end of a sentence, is taken for the small l it was.
 *
 * <p>Typewriting is told by its fixed pitch: every letter takes the same width, so the words the
 * engine is sure of, divided by their letters, come within a tenth of one width (nine in ten of
 * them and more on typewritten pages, four to eight in ten on printed ones in a proportional face).
 * Printed pages are left alone: there "phòng Lao động" is an office's name, and nothing tells it
 * from a misread l. A place or a person's name keeps its capital where a capitalised word stands
 * beside it ("Lạng Sơn", "Thị Lan"), but for the national motto's "Độc lập", printed on every
 * record; an office named alone mid-sentence on a typewritten page ("phòng Lao động") loses it, a
 * price well below the misread l's. Each change is recorded with what the engine read.
 */
public final class Typewriting {
  /** Words the engine is at least this sure of are measured for the pitch. */
  private static final float MEASURED = 90f;
  /** Fewest words measured for a page's pitch to be judged. */
  private static final int FEWEST = 20;
  /** Share of measured words within a tenth of the median width per letter on a typewritten page. */
  private static final double FIXED_PITCH = 0.85;
  private static final Pattern MEASURABLE = Pattern.compile("\\p{Ll}[\\p{L}&&[^\\p{Lu}]]{3,}");
  private static final Pattern CAPITAL_L = Pattern.compile("L\\p{Ll}+\\p{P}*");
  private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?:]\\p{Pf}?[\"”)]?");

  private Typewriting() {}

  /** A page with its misread capitals lowered, whether it is typewritten, and each change. */
  public record Lowered(PageText text, boolean typewritten, List<Correction> corrections) {
    public Lowered {
      corrections = List.copyOf(corrections);
    }
  }

  /**
   * {@code page} as it was typed: when its letters all take one width, each capital L that stands
   * mid-sentence between words without capitals given as the small l.
   */
  public static Lowered of(PageText page) {
    List<Word> words = page.words();
    if (!typewritten(words)) {
      return new Lowered(page, false, List.of());
    }
    List<TextLine> lines = new ArrayList<>();
    int at = 0;
    List<Correction> lowered = new ArrayList<>();
    for (TextLine line : page.lines()) {
      List<Word> changed = new ArrayList<>();
      for (Word word : line.words()) {
        if (misread(words, at)) {
          Word small = new Word("l" + word.text().substring(1), word.box(), word.confidence());
          changed.add(small);
          lowered.add(new Correction(word.text(), small.text(), word.confidence()));
        } else {
          changed.add(word);
        }
        at++;
      }
      lines.add(new TextLine(changed));
    }
    return new Lowered(lowered.isEmpty() ? page
        : new PageText(page.width(), page.height(), lines, page.origin()), true, lowered);
  }

  /** Whether the words of a page the engine is sure of have one width per letter. */
  private static boolean typewritten(List<Word> words) {
    List<Double> widths = new ArrayList<>();
    for (Word word : words) {
      if (word.confidence() >= MEASURED && MEASURABLE.matcher(word.text()).matches()) {
        widths.add((double) word.box().width()
            / word.text().codePointCount(0, word.text().length()));
      }
    }
    if (widths.size() < FEWEST) {
      return false;
    }
    List<Double> sorted = widths.stream().sorted().toList();
    double median = sorted.get(sorted.size() / 2);
    long within = widths.stream().filter(w -> Math.abs(w / median - 1) < 0.1).count();
    return within >= FIXED_PITCH * widths.size();
  }

  private static boolean misread(List<Word> words, int at) {
    if (at == 0 || !CAPITAL_L.matcher(words.get(at).text()).matches()) {
      return false;
    }
    String before = words.get(at - 1).text();
    boolean motto = before.equals("Độc");
    if (!(motto || Character.isLowerCase(before.codePointAt(0)))
        || SENTENCE_END.matcher(before).matches()) {
      return false;
    }
    return at + 1 == words.size() || !Character.isUpperCase(words.get(at + 1).text().codePointAt(0));
  }
}
