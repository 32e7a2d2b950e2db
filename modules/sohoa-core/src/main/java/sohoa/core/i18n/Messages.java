package sohoa.core.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The message catalogue: every text an officer reads (page templates take theirs through
 * {@code #{key}}), in Vietnamese for officers (the default) and English on request. The error codes of
 * {@code SohoaException} each have a reason and a remedy here, so that a refused input is
 * explained in the officer's language whatever the technical detail says.
 */
public final class Messages {
  /** Officers read Vietnamese. */
  public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
  private static final String BUNDLE = "sohoa.core.i18n.messages";

  private final ResourceBundle bundle;
  private final Locale locale;

  private Messages(ResourceBundle bundle) {
    this.bundle = bundle;
    // The base bundle is the English one; its own locale is the root, which names no language.
    this.locale = bundle.getLocale().getLanguage().isEmpty() ? Locale.ENGLISH
        : bundle.getLocale();
  }

  /** The catalogue in {@code locale}'s language; English for a language it does not have. */
  public static Messages of(Locale locale) {
    // No fallback to the machine's locale: an officer's page is never English by accident.
    return new Messages(ResourceBundle.getBundle(BUNDLE, locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
  }

  /** What officers read: Vietnamese. */
  public static Messages forOfficers() {
    return of(VIETNAMESE);
  }

  /**
   * The text of {@code key}, with {@code arguments} put in its {0}, {1}… Whole numbers go in as
   * written, without grouping: they are years, register numbers and counts ("năm 2026", not
   * "năm 2.026").
   */
  public String text(String key, Object... arguments) {
    String pattern = bundle.getString(key);
    if (arguments.length == 0) {
      return pattern;
    }
    Object[] plain = new Object[arguments.length];
    for (int i = 0; i < arguments.length; i++) {
      plain[i] = arguments[i] instanceof Integer || arguments[i] instanceof Long
          ? String.valueOf(arguments[i]) : arguments[i];
    }
    return new MessageFormat(pattern, locale).format(plain);
  }

  /** Whether the catalogue has {@code key}. */
  public boolean has(String key) {
    return bundle.containsKey(key);
  }

  /** The catalogue's language, for a page's {@code lang} and its dates. */
  public Locale locale() {
    return locale;
  }

  /** The {@link java.util.Formatter} pattern of {@code key} with {@code arguments}. */
  public String format(String key, Object... arguments) {
    return String.format(locale, bundle.getString(key), arguments);
  }

  /** {@link #format} of {@code key}.one or {@code key}.other, as {@code count} is 1 or not. */
  public String count(String key, long count, Object... arguments) {
    return format(key + (count == 1 ? ".one" : ".other"), arguments);
  }

  /** Whether this is the catalogue in Vietnamese. */
  public boolean vietnamese() {
    return locale.getLanguage().equals(VIETNAMESE.getLanguage());
  }

  /** Why an input or an operation failed with the error {@code code}, in a sentence. */
  public String reason(String code) {
    return errorText(code, "reason");
  }

  /** What to do about the error {@code code}. */
  public String remedy(String code) {
    return errorText(code, "remedy");
  }

  /** Every key of the catalogue. */
  public Set<String> keys() {
    return bundle.keySet();
  }

  private String errorText(String code, String part) {
    try {
      return bundle.getString("error." + code + "." + part);
    } catch (MissingResourceException e) {
      // A code added without its text still gets a sentence; MessagesTest catches the gap.
      return bundle.getString("error.other." + part);
    }
  }
}
