package sohoa.console;

import java.util.List;
import org.unbescape.html.HtmlEscape;
import sohoa.catalog.Indicators;
import sohoa.core.i18n.Messages;

/**
 * The indicators page's chart, drawn on the server as SVG (no script, no CDN): for each month of
 * the year, records digitised from new scans beside uses of existing records, all agencies shown
 * added up. Only numbers go into it, so nothing a record holds reaches the markup.
 */
final class StatsChart {
  private static final int WIDTH = 720;
  private static final int HEIGHT = 260;
  private static final int LEFT = 48;
  private static final int BOTTOM = 30;
  private static final int TOP = 16;

  private final int[] digitised = new int[12];
  private final int[] reuses = new int[12];

  StatsChart(List<Indicators.Month> months) {
    for (Indicators.Month m : months) {
      digitised[m.month().getMonthValue() - 1] += m.digitised();
      reuses[m.month().getMonthValue() - 1] += m.reuses();
    }
  }

  /** The chart, its title and month names in {@code words}' language. */
  String svg(Messages words) {
    int highest = 1;
    for (int i = 0; i < 12; i++) {
      highest = Math.max(highest, Math.max(digitised[i], reuses[i]));
    }
    double plot = HEIGHT - BOTTOM - TOP;
    double slot = (WIDTH - LEFT) / 12.0;
    StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"chart\""
        + " role=\"img\" viewBox=\"0 0 " + WIDTH + " " + HEIGHT + "\" aria-labelledby=\"chart-title\">"
        + "<title id=\"chart-title\">"
        + HtmlEscape.escapeHtml4Xml(words.text("console.stats.chart")) + "</title>");
    svg.append(line(LEFT, HEIGHT - BOTTOM, WIDTH, HEIGHT - BOTTOM));
    svg.append(text(LEFT - 6, TOP + 4, "end", String.valueOf(highest)));
    svg.append(text(LEFT - 6, HEIGHT - BOTTOM, "end", "0"));
    for (int i = 0; i < 12; i++) {
      double x = LEFT + i * slot;
      svg.append(bar("moi", x + slot * 0.15, digitised[i], highest, plot, slot * 0.33));
      svg.append(bar("dung-lai", x + slot * 0.52, reuses[i], highest, plot, slot * 0.33));
      svg.append(text(x + slot / 2, HEIGHT - 10, "middle",
          HtmlEscape.escapeHtml4Xml(words.text("console.stats.month", i + 1))));
    }
    return svg.append("</svg>").toString();
  }

  private static String bar(String kind, double x, int value, int highest, double plot,
      double width) {
    double height = plot * value / highest;
    return String.format(java.util.Locale.ROOT, "<rect class=\"%s\" data-value=\"%d\" x=\"%.1f\""
        + " y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%d</title></rect>", kind, value, x,
        HEIGHT - BOTTOM - height, width, height, value);
  }

  private static String line(int x1, int y1, int x2, int y2) {
    return "<line x1=\"" + x1 + "\" y1=\"" + y1 + "\" x2=\"" + x2 + "\" y2=\"" + y2
        + "\" stroke=\"#4a5360\"/>";
  }

  private static String text(double x, double y, String anchor, String label) {
    return String.format(java.util.Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\""
        + " font-size=\"12\">%s</text>", x, y, anchor, label);
  }
}
