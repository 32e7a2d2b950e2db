package sohoa.cli;

import java.util.Locale;
import java.util.Map;
import sohoa.core.i18n.Messages;

/**
 * The language the command line speaks to its operator: Vietnamese when the first of LC_ALL,
 * LC_MESSAGES and LANG that is set names it ({@code vi_VN.UTF-8}), English otherwise. Read from
 * the environment as POSIX orders it, not from the JVM's locale, which falls back to English on
 * a machine where the Vietnamese locale was never generated.
 */
final class OperatorLanguage {
  private OperatorLanguage() {}

  static Messages of(Map<String, String> environment) {
    for (String variable : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
      String value = environment.get(variable);
      if (value != null && !value.isEmpty()) {
        return value.startsWith("vi") ? Messages.forOfficers() : Messages.of(Locale.ENGLISH);
      }
    }
    return Messages.of(Locale.ENGLISH);
  }

  /**
   * The language of what officers read (job reports, the console, the verification page, the
   * register's CSV): Vietnamese unless {@code SOHOA_OFFICER_LANGUAGE} is {@code en}. Not the
   * operator's locale: the server's account often runs with {@code LANG=C}.
   */
  static Messages officers(Map<String, String> environment) {
    String asked = environment.getOrDefault("SOHOA_OFFICER_LANGUAGE", "vi");
    return asked.startsWith("en") ? Messages.of(Locale.ENGLISH) : Messages.forOfficers();
  }
}
