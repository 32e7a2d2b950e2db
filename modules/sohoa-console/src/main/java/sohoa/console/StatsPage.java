package sohoa.console;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sohoa.catalog.Catalog;
import sohoa.catalog.Indicators;
import sohoa.core.error.StorageFailure;

/**
 * The indicators page (thống kê chuyển đổi số): per agency and month, records digitised, the
 * signed share, certified copies issued electronically and uses of existing records, with a chart
 * drawn on the server and each figure's definition. A scoped account sees its agency's only.
 */
final class StatsPage {
  private final Catalog catalog;
  private final Views views;
  private final Clock clock;

  StatsPage(Catalog catalog, Views views, Clock clock) {
    this.catalog = catalog;
    this.views = views;
    this.clock = clock;
  }

  /** One line of the table: an agency's month, ready to print. */
  record Line(String agency, String month, int digitised, int signed, String signedShare,
      int copies, int retrievals, int resent, String reuseShare) {}

  /** GET /console/thong-ke?year= */
  void show(Context ctx) throws StorageFailure {
    int year = AskedYear.of(ctx, clock);
    List<Indicators.Month> months = catalog.indicators().of(Year.of(year), AskedYear.VIETNAM,
        Guard.officer(ctx).agency());
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("title", views.text("console.stats.title", year));
    model.put("year", year);
    model.put("lines", months.stream().map(this::line).toList());
    model.put("chart", new StatsChart(months).svg(views.words()));
    model.put("digitised", months.stream().mapToInt(Indicators.Month::digitised).sum());
    model.put("reuses", months.stream().mapToInt(Indicators.Month::reuses).sum());
    views.render(ctx, "stats", model);
  }

  private Line line(Indicators.Month m) {
    return new Line(m.agency().isEmpty() ? views.text("console.stats.no-agency") : m.agency(),
        String.format("%02d/%d", m.month().getMonthValue(), m.month().getYear()),
        m.digitised(), m.signed(), percent(m.signedShare()), m.copies(), m.retrievals(),
        m.resent(), percent(m.reuseShare()));
  }

  /** A share as the officer's language prints it, or a dash when there is nothing to share. */
  private String percent(Optional<Double> share) {
    return share.map(s -> String.format(views.words().locale(), "%.1f%%", s * 100))
        .orElse("—");
  }
}
