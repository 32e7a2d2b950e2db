package sohoa.console;

import java.time.Duration;
import sohoa.catalog.Lockout;
import sohoa.core.i18n.Messages;

/**
 * The console's rule for wrong signing PINs: the fifth in a row locks signing for 15 minutes, or
 * until an administrator runs {@code sohoa officers unlock}; and what the officer is told. Only an
 * officer already logged in can try a PIN, so no stranger can lock anyone out this way (wrong
 * passwords are slowed down instead, by {@link LoginThrottle}).
 */
final class WrongTries {
  static final int LIMIT = 5;
  static final Duration LOCK = Duration.ofMinutes(15);

  private WrongTries() {}

  /** How many tries are left before signing is locked. */
  static String left(Lockout lockout, Messages words) {
    return words.text("console.tries-left", LIMIT - lockout.failures());
  }

  /** Why signing is locked, until when, and who can lift it. */
  static String locked(Lockout lockout, Messages words) {
    return words.text("console.signing-locked",
        DocumentPage.TIME.format(lockout.until().orElseThrow()), LIMIT);
  }
}
