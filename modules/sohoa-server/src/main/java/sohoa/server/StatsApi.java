package sohoa.server;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Year;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sohoa.catalog.ApiKey;
import sohoa.catalog.Catalog;
import sohoa.catalog.Indicators;
import sohoa.core.error.StorageFailure;

/**
 * {@code GET /api/v1/stats?year=}: the indicators of the officer console's statistics page, per
 * agency and month (Vietnam time), for the province's reporting systems; a key scoped to an
 * agency gets that agency's.
 */
final class StatsApi {
  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  private final Catalog catalog;
  private final Clock clock;

  StatsApi(Catalog catalog, Clock clock) {
    this.catalog = catalog;
    this.clock = clock;
  }

  void get(Context ctx) throws StorageFailure {
    ApiKey key = Access.require(ctx, ApiKey.Role.READER);
    int now = Year.now(clock.withZone(VIETNAM)).getValue();
    String asked = Optional.ofNullable(ctx.queryParam("year")).orElse(String.valueOf(now));
    int year;
    try {
      year = Integer.parseInt(asked);
    } catch (NumberFormatException e) {
      throw ApiProblem.badRequest("year is a year such as " + now + ", not '" + asked + "'");
    }
    if (year < 2000 || year > now + 1) {
      throw ApiProblem.badRequest("year is from 2000 to " + (now + 1) + ", got " + year);
    }
    List<Map<String, Object>> months = catalog.indicators().of(Year.of(year), VIETNAM,
        key.agency()).stream().map(StatsApi::month).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("year", year);
    body.put("timeZone", VIETNAM.getId());
    body.put("months", months);
    ctx.json(body);
  }

  private static Map<String, Object> month(Indicators.Month m) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("agency", m.agency());
    row.put("month", m.month().toString());
    row.put("digitised", m.digitised());
    row.put("signed", m.signed());
    row.put("signedShare", m.signedShare().orElse(null));
    row.put("certifiedCopies", m.copies());
    row.put("retrievals", m.retrievals());
    row.put("resentScans", m.resent());
    row.put("reuses", m.reuses());
    row.put("reuseShare", m.reuseShare().orElse(null));
    return row;
  }
}
