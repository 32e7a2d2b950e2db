package sohoa.extract.admin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sohoa.core.text.Folding;

/**
 * Restores the marks of known phrases of administrative writing in OCR'd text. The engine often
 * reads a valid syllable with the wrong tone ({@code đầy mạnh} for {@code đẩy mạnh},
 * {@code chính quyên} for {@code chính quyền}): no syllable check can tell, but the phrase can.
 * A run of words whose folded form is a phrase of {@code phrases.txt} is given that phrase's marks,
 * each word keeping its case; a folded form two phrases share is left alone, and so is a word
 * whose letters and tone already match (whichever vowel carries the tone: {@code uỷ} is
 * {@code ủy}). The one rule besides the phrases: a word read as {@code nắm}, {@code nam}, … before
 * a year is {@code năm} (unless it ends {@code Việt Nam}). Immutable and thread-safe.
 */
final class PhraseMarks {
  private static final String RESOURCE = "phrases.txt";
  private static final int LONGEST = 8;
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[/'][\\p{L}\\p{N}]+)*");
  private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d\\d");
  private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
  private static final String TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323";

  /** Folded phrase → its words as written; phrases that fold alike are left out. */
  private final Map<String, List<String>> phrases;

  private PhraseMarks(Map<String, List<String>> phrases) {
    this.phrases = Map.copyOf(phrases);
  }

  /** The phrases shipped with sohoa. */
  static PhraseMarks administrative() {
    try (InputStream in = PhraseMarks.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from sohoa-extract's jar");
      }
      return of(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
          .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  static PhraseMarks of(List<String> lines) {
    Map<String, List<String>> phrases = new HashMap<>();
    Set<String> ambiguous = new HashSet<>();
    for (String line : lines) {
      List<String> words = words(Normalizer.normalize(line, Normalizer.Form.NFC)).stream()
          .map(w -> w.text).toList();
      if (words.size() < 2 || words.size() > LONGEST) {
        throw new IllegalArgumentException("a phrase has 2 to " + LONGEST + " words: '" + line
            + "'");
      }
      String key = Folding.fold(String.join(" ", words));
      List<String> known = phrases.putIfAbsent(key, words);
      if (known != null && !known.equals(words)) {
        ambiguous.add(key);
      }
    }
    ambiguous.forEach(phrases::remove);
    return new PhraseMarks(phrases);
  }

  /** {@code text} with the marks of the phrases in it restored; the same text if none needed. */
  String restore(String text) {
    String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
    List<Word> words = words(nfc);
    StringBuilder out = new StringBuilder(nfc);
    List<Word> restored = new ArrayList<>();
    for (int i = 0; i < words.size(); ) {
      int matched = 0;
      for (int n = Math.min(LONGEST, words.size() - i); n >= 2 && matched == 0; n--) {
        List<String> phrase = phrases.get(folded(words.subList(i, i + n)));
        if (phrase != null) {
          for (int k = 0; k < n; k++) {
            restored.add(words.get(i + k).as(phrase.get(k)));
          }
          matched = n;
        }
      }
      if (matched == 0 && yearFollows(words, i)) {
        restored.add(words.get(i).as("năm"));
      }
      i += Math.max(1, matched);
    }
    for (int k = restored.size() - 1; k >= 0; k--) {
      Word w = restored.get(k);
      out.replace(w.start, w.start + w.text.length(), w.text);
    }
    return out.toString();
  }

  /** A word read as some {@code nam} before a year, and not the end of {@code Việt Nam}. */
  private static boolean yearFollows(List<Word> words, int i) {
    return i + 1 < words.size() && Folding.fold(words.get(i).text).equals("nam")
        && YEAR.matcher(words.get(i + 1).text).matches()
        && (i == 0 || !Folding.fold(words.get(i - 1).text).equals("viet"));
  }

  private static String folded(List<Word> words) {
    StringBuilder key = new StringBuilder();
    for (Word w : words) {
      if (!key.isEmpty()) {
        key.append(' ');
      }
      key.append(Folding.fold(w.text));
    }
    return key.toString();
  }

  private static List<Word> words(String text) {
    List<Word> words = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      words.add(new Word(m.start(), m.group()));
    }
    return words;
  }

  /** A word of the text and where it starts. */
  private record Word(int start, String text) {
    /** This word written as {@code canonical}, in this word's case; itself if only placement differs. */
    Word as(String canonical) {
      if (sameMarks(text, canonical)) {
        return this;
      }
      String cased = text.equals(text.toUpperCase(VIETNAMESE)) ? canonical.toUpperCase(VIETNAMESE)
          : Character.isUpperCase(text.charAt(0))
              ? canonical.substring(0, 1).toUpperCase(VIETNAMESE) + canonical.substring(1)
              : canonical;
      return new Word(start, cased);
    }
  }

  /** Same letters and the same tone, wherever the tone sits. */
  private static boolean sameMarks(String a, String b) {
    return toneless(a).equals(toneless(b)) && tone(a) == tone(b);
  }

  private static String toneless(String word) {
    StringBuilder letters = new StringBuilder();
    for (char c : Normalizer.normalize(word.toLowerCase(VIETNAMESE), Normalizer.Form.NFD)
        .toCharArray()) {
      if (TONE_MARKS.indexOf(c) < 0) {
        letters.append(c);
      }
    }
    return letters.toString();
  }

  private static char tone(String word) {
    for (char c : Normalizer.normalize(word, Normalizer.Form.NFD).toCharArray()) {
      if (TONE_MARKS.indexOf(c) >= 0) {
        return c;
      }
    }
    return ' ';
  }
}
