package sohoa.console;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** The year a yearly page (register, statistics) is asked for: this year in Vietnam unless given. */
final class AskedYear {
  static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  private AskedYear() {}

  /** The {@code year} parameter, from 2000 to next year; this year when absent. */
  static int of(Context ctx, Clock clock) {
    int now = LocalDate.ofInstant(clock.instant(), VIETNAM).getYear();
    int year = SearchPage.parseInt(SearchPage.param(ctx, "year"), now);
    if (year < 2000 || year > now + 1) {
      throw ConsoleProblem.badRequest("console.bad-year", year);
    }
    return year;
  }
}
