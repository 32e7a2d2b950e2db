package sohoa.console;

import sohoa.catalog.Lockout;
import sohoa.catalog.OfficerAccounts;
import sohoa.core.i18n.Messages;

/**
 * What the officer is told of wrong signing PINs, counted by the catalog's one rule
 * ({@link OfficerAccounts#SIGNING_TRIES}). Only an officer already logged in can try a PIN, so no
 * stranger can lock anyone out this way (wrong passwords are slowed down instead, by
 * {@link LoginThrottle}).
 */
final class WrongTries {
  private WrongTries() {}

  /** How many tries are left before signing is locked. */
  static String left(Lockout lockout, Messages words) {
    return words.text("console.tries-left", OfficerAccounts.SIGNING_TRIES - lockout.failures());
  }

  /** Why signing is locked, until when, and who can lift it. */
  static String locked(Lockout lockout, Messages words) {
    return words.text("console.signing-locked",
        DocumentPage.TIME.format(lockout.until().orElseThrow()), OfficerAccounts.SIGNING_TRIES);
  }
}
