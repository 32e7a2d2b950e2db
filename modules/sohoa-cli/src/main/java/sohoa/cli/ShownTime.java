package sohoa.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** A moment as a person at this machine reads it on the command line: day first, local time. */
final class ShownTime {
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern(
      "dd/MM/yyyy HH:mm:ss").withZone(ZoneId.systemDefault());

  private ShownTime() {}

  static String of(Instant at) {
    return SHOWN.format(at);
  }
}
