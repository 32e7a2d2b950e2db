package sohoa.ocr.vietnamese;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import sohoa.core.text.PageText;
import sohoa.core.text.TextLine;
import sohoa.core.text.Word;

/**
 * Checks every recognised Vietnamese syllable against the language's closed set, and corrects a
 * misread tone or vowel mark only when all of these hold: the syllable is impossible as read, the
 * engine was unsure of the word, and exactly one possible syllable is one diacritic away. It never
 * changes base letters, never touches a valid syllable, and records every change.
 */
public final class DiacriticCorrector {
  private static final String[][] QUALITY = {{"a", "ă", "â"}, {"e", "ê"}, {"o", "ô", "ơ"}, {"u", "ư"}};

  private final float maxConfidence;

  /** @param maxConfidence words read with this confidence or more are left alone */
  public DiacriticCorrector(float maxConfidence) {
    this.maxConfidence = maxConfidence;
  }

  /** A checked page: its text (corrected where that was safe) and what was found. */
  public record Checked(PageText text, int syllables, int impossible, List<Correction> corrections) {
    public Checked {
      corrections = List.copyOf(corrections);
    }
  }

  public Checked check(PageText page) {
    List<TextLine> lines = new ArrayList<>();
    List<Correction> corrections = new ArrayList<>();
    int syllables = 0;
    int impossible = 0;
    for (TextLine line : page.lines()) {
      List<Word> words = new ArrayList<>();
      for (Word word : line.words()) {
        Token token = Token.of(word.text());
        Optional<Syllable> syllable = token.checkable() ? Syllable.parse(token.core()) : Optional.empty();
        if (syllable.isEmpty()) {
          words.add(word);
          continue;
        }
        syllables++;
        if (syllable.get().isValid()) {
          words.add(word);
          continue;
        }
        impossible++;
        Optional<String> fix = word.confidence() < maxConfidence
            ? onlyNeighbour(syllable.get()) : Optional.empty();
        if (fix.isPresent()) {
          String corrected = token.with(matchCase(token.core(), fix.get()));
          corrections.add(new Correction(word.text(), corrected, word.confidence()));
          words.add(new Word(corrected, word.box(), word.confidence()));
        } else {
          words.add(word);
        }
      }
      lines.add(new TextLine(words));
    }
    return new Checked(new PageText(page.width(), page.height(), lines, page.origin()), syllables,
        impossible, corrections);
  }

  /** Whether a word, as written, is a possible Vietnamese syllable (true for non-syllables). */
  public static boolean isPossible(String word) {
    Token token = Token.of(word);
    return !token.checkable() || Syllable.parse(token.core()).map(Syllable::isValid).orElse(true);
  }

  /** The single valid syllable one diacritic away (another tone, vowel mark, or d/đ), if unique. */
  static Optional<String> onlyNeighbour(Syllable read) {
    Set<String> found = new LinkedHashSet<>();
    for (Tone tone : Tone.values()) {
      if (tone != read.tone()) {
        add(found, new Syllable(read.onset(), read.rhyme(), tone));
      }
    }
    for (int i = 0; i < read.rhyme().length(); i++) {
      String letter = read.rhyme().substring(i, i + 1);
      for (String[] family : QUALITY) {
        for (String from : family) {
          if (!from.equals(letter)) {
            continue;
          }
          for (String to : family) {
            if (!to.equals(from)) {
              String rhyme = read.rhyme().substring(0, i) + to + read.rhyme().substring(i + 1);
              add(found, new Syllable(read.onset(), rhyme, read.tone()));
            }
          }
        }
      }
    }
    if (read.onset().equals("d") || read.onset().equals("đ")) {
      add(found, new Syllable(read.onset().equals("d") ? "đ" : "d", read.rhyme(), read.tone()));
    }
    return found.size() == 1 ? Optional.of(found.iterator().next()) : Optional.empty();
  }

  private static void add(Set<String> found, Syllable candidate) {
    if (candidate.isValid()) {
      found.add(candidate.text());
    }
  }

  private static String matchCase(String original, String lower) {
    if (original.equals(original.toUpperCase(Locale.ROOT))) {
      return lower.toUpperCase(Locale.ROOT);
    }
    if (Character.isUpperCase(original.codePointAt(0))) {
      return lower.substring(0, 1).toUpperCase(Locale.ROOT) + lower.substring(1);
    }
    return lower;
  }

  /** A word split into leading punctuation, its letters, and trailing punctuation. */
  private record Token(String before, String core, String after) {
    static Token of(String word) {
      String text = Normalizer.normalize(word, Normalizer.Form.NFC);
      int start = 0;
      int end = text.length();
      while (start < end && !Character.isLetter(text.charAt(start))) {
        start++;
      }
      while (end > start && !Character.isLetter(text.charAt(end - 1))) {
        end--;
      }
      return new Token(text.substring(0, start), text.substring(start, end), text.substring(end));
    }

    /** Abbreviations in capitals without marks (UBND, QĐ is checked) are codes, not syllables. */
    boolean checkable() {
      if (core.isEmpty()) {
        return false;
      }
      boolean lower = core.chars().anyMatch(Character::isLowerCase);
      boolean marked = !Normalizer.normalize(core, Normalizer.Form.NFD).equals(core);
      return lower || marked;
    }

    String with(String newCore) {
      return before + newCore + after;
    }
  }
}
