package sohoa.ocr.vietnamese;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A written Vietnamese syllable split into onset (âm đầu), rhyme (vần, with its vowel-quality marks)
 * and tone (thanh), and whether the language has it. The sets are closed and small: a word that
 * does not parse is a misreading, a foreign word or an abbreviation.
 */
record Syllable(String onset, String rhyme, Tone tone) {
  /** Longest first, so that "ngh" is tried before "ng" and "n". */
  private static final List<String> ONSETS = List.of("ngh", "ng", "nh", "ch", "gh", "gi", "kh",
      "ph", "qu", "th", "tr", "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t",
      "v", "x", "");

  /** Every rhyme of standard Vietnamese spelling, without tone. */
  private static final Set<String> RHYMES = Set.of(
      "a", "ai", "ao", "au", "ay", "am", "an", "ang", "anh", "ap", "at", "ac", "ach",
      "ăm", "ăn", "ăng", "ăp", "ăt", "ăc",
      "âu", "ây", "âm", "ân", "âng", "âp", "ât", "âc",
      "e", "eo", "em", "en", "eng", "ep", "et", "ec",
      "ê", "êu", "êm", "ên", "ênh", "êp", "êt", "êch",
      "i", "ia", "iu", "im", "in", "inh", "ip", "it", "ich",
      "iêu", "iêm", "iên", "iêng", "iêp", "iêt", "iêc",
      "y", "yêu", "yêm", "yên", "yêt", "ynh", "ych", "yt",
      "o", "oi", "om", "on", "ong", "op", "ot", "oc", "oong", "ooc",
      "ô", "ôi", "ôm", "ôn", "ông", "ôp", "ôt", "ôc",
      "ơ", "ơi", "ơm", "ơn", "ơp", "ơt",
      "u", "ua", "ui", "um", "un", "ung", "up", "ut", "uc",
      "uôi", "uôm", "uôn", "uông", "uôt", "uôc",
      "ư", "ưa", "ưi", "ưu", "ưm", "ưn", "ưng", "ưp", "ưt", "ưc",
      "ươi", "ươu", "ươm", "ươn", "ương", "ươp", "ươt", "ươc",
      "oa", "oai", "oay", "oam", "oan", "oang", "oanh", "oap", "oat", "oac", "oach",
      "oăm", "oăn", "oăng", "oăt", "oăc", "oe", "oeo", "oen", "oet",
      "uê", "uênh", "uêch", "uân", "uâng", "uât", "uơ", "uy", "uya", "uyu", "uyên", "uyêt",
      "uynh", "uych", "uyt");

  private static final Set<String> FRONT = Set.of("i", "e", "ê", "y");

  /** The written syllable, NFC, lower case. */
  String text() {
    StringBuilder out = new StringBuilder(onset);
    int vowel = toneVowel();
    for (int i = 0; i < rhyme.length(); i++) {
      out.append(rhyme.charAt(i));
      if (i == vowel && tone != Tone.NGANG) {
        out.append((char) tone.mark());
      }
    }
    return Normalizer.normalize(out.toString(), Normalizer.Form.NFC);
  }

  /** Whether Vietnamese has this syllable: a known rhyme, spelling rules, tone rules. */
  boolean isValid() {
    if (!RHYMES.contains(rhyme)) {
      return false;
    }
    if (stopFinal() && !tone.fitsStopFinal()) {
      return false;
    }
    String first = rhyme.substring(0, 1);
    boolean front = FRONT.contains(first);
    // k, gh, ngh stand before i, e, ê, y; c, g, ng before anything else.
    if ((onset.equals("k") || onset.equals("gh") || onset.equals("ngh")) && !front) {
      return false;
    }
    if ((onset.equals("c") || onset.equals("ng")) && front) {
      return false;
    }
    if (onset.equals("g") && front && !rhyme.startsWith("i")) {
      return false;
    }
    // qu carries its own u: "qu" + "oa" is not written.
    return !(onset.equals("qu") && (rhyme.startsWith("u") || rhyme.startsWith("o")));
  }

  private boolean stopFinal() {
    return rhyme.endsWith("p") || rhyme.endsWith("t") || rhyme.endsWith("c") || rhyme.endsWith("ch");
  }

  /**
   * Splits a word, case folded. Empty when it is not made of Vietnamese letters at all (digits,
   * f/j/w/z, punctuation inside, more than one tone mark).
   */
  static Optional<Syllable> parse(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
    StringBuilder base = new StringBuilder();
    Tone tone = Tone.NGANG;
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      Optional<Tone> mark = Tone.ofMark(c);
      if (mark.isPresent()) {
        if (tone != Tone.NGANG) {
          return Optional.empty();
        }
        tone = mark.get();
      } else {
        base.append(c);
      }
    }
    String letters = Normalizer.normalize(base.toString(), Normalizer.Form.NFC);
    if (letters.isEmpty() || !letters.chars().allMatch(Syllable::isVietnameseLetter)) {
      return Optional.empty();
    }
    for (String onset : ONSETS) {
      if (letters.startsWith(onset)) {
        String rhyme = letters.substring(onset.length());
        // "gi" before a vowel is one onset (gìn, giữ); alone or before a consonant it is g + i.
        if (onset.equals("gi") && (rhyme.isEmpty() || !isVowel(rhyme.charAt(0)))) {
          continue;
        }
        if (!rhyme.isEmpty()) {
          return Optional.of(new Syllable(onset, rhyme, tone));
        }
      }
    }
    return Optional.empty();
  }

  /** Which letter of the rhyme carries the tone mark, by the modern (new-style) rule. */
  private int toneVowel() {
    String marked = "ăâêôơư";
    for (int i = rhyme.length() - 1; i >= 0; i--) {
      if (marked.indexOf(rhyme.charAt(i)) >= 0) {
        return i;
      }
    }
    int lastVowel = -1;
    int vowels = 0;
    for (int i = 0; i < rhyme.length(); i++) {
      if (isVowel(rhyme.charAt(i))) {
        lastVowel = i;
        vowels++;
      }
    }
    boolean coda = lastVowel < rhyme.length() - 1;
    if (vowels >= 2 && !coda) {
      // oa, oe, uy carry it on the second vowel; ai, ao, au, ay, ia, ua, ưa on the first.
      String pair = rhyme.substring(lastVowel - 1, lastVowel + 1);
      boolean onSecond = pair.equals("oa") || pair.equals("oe") || pair.equals("uy")
          || pair.equals("uê") || vowels == 3;
      return onSecond ? lastVowel : lastVowel - 1;
    }
    return lastVowel;
  }

  static boolean isVowel(char c) {
    return "aăâeêioôơuưy".indexOf(c) >= 0;
  }

  private static boolean isVietnameseLetter(int c) {
    return "aăâbcdđeêghiklmnoôơpqrstuưvxy".indexOf(c) >= 0;
  }
}
