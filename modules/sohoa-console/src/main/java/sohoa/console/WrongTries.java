package sohoa.console;

import java.time.Duration;
import sohoa.catalog.Lockout;

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

  /** " Còn N lần thử trước khi {@code what} bị tạm khoá." */
  static String left(Lockout lockout, String what) {
    return " Còn " + (LIMIT - lockout.failures()) + " lần thử trước khi " + what
        + " bị tạm khoá.";
  }

  /** Why {@code what} is locked, until when, and who can lift it. */
  static String locked(Lockout lockout, String what, String proof) {
    return what + " tạm khoá đến " + DocumentPage.TIME.format(lockout.until().orElseThrow()) + " vì nhập sai "
        + proof + " " + LIMIT + " lần liên tiếp. Liên hệ quản trị hệ thống nếu cần mở khoá sớm"
        + " hơn (sohoa officers unlock).";
  }
}
