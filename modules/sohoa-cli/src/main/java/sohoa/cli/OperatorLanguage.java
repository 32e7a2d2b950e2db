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
}
