package sohoa.cli;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import sohoa.core.error.ConfigurationError;

/** Job names: given by the officer, or made from the time. */
final class JobNames {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private JobNames() {}

  /** A new name such as {@code 20261008-093000-4f2a}. */
  static String next(Clock clock) {
    return STAMP.format(clock.instant().atZone(ZoneId.systemDefault())) + "-"
        + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
  }

  /** {@code given}, checked, or a new name. */
  static String of(String given, Clock clock) throws ConfigurationError {
    if (given == null) {
      return next(clock);
    }
    if (!given.matches("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,63}")) {
      throw new ConfigurationError("a job name is letters, digits, '.', '_' or '-', at most 64,"
          + " not '" + given + "'", "pick a name such as ho-so-thang-10");
    }
    return given;
  }
}
