package sohoa.testkit.text;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sohoa.core.i18n.Messages;

/**
 * Checks that what an officer reads is Vietnamese: the English words of the message catalogue's
 * English texts (those of four letters or more that its Vietnamese texts do not also use, such as
 * file format names) must not appear in it.
 */
public final class OfficerLanguage {
  private static final Pattern WORD = Pattern.compile("\\b[A-Za-z]{4,}\\b");

  private OfficerLanguage() {}

  /** The catalogue's English words that {@code text} holds, in the order of the catalogue. */
  public static List<String> englishIn(String text) {
    Set<String> found = new HashSet<>();
    Matcher words = WORD.matcher(text);
    while (words.find()) {
      found.add(words.group().toLowerCase(Locale.ROOT));
    }
    return englishWords().stream().filter(found::contains).toList();
  }

  /** The English catalogue's words, less those its Vietnamese texts use too. */
  static List<String> englishWords() {
    Set<String> vietnamese = words(Messages.forOfficers());
    return words(Messages.of(Locale.ENGLISH)).stream().filter(w -> !vietnamese.contains(w))
        .sorted().toList();
  }

  private static Set<String> words(Messages messages) {
    Set<String> words = new HashSet<>();
    for (String key : messages.keys()) {
      Matcher m = WORD.matcher(messages.text(key));
      while (m.find()) {
        words.add(m.group().toLowerCase(Locale.ROOT));
      }
    }
    return words;
  }
}
