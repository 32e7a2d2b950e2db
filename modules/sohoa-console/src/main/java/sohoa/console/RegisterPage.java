package sohoa.console;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import sohoa.catalog.Catalog;
import sohoa.catalog.OfficerAccount;
import sohoa.catalog.RegisterEntry;
import sohoa.certify.RegisterCsv;
import sohoa.core.error.StorageFailure;

/**
 * The certification register (sổ chứng thực) for a year: every number in order, issued or voided
 * with the reason, and the same as CSV for a spreadsheet. A scoped account sees its agency's
 * lines only.
 */
final class RegisterPage {
  private final Catalog catalog;
  private final String office;
  private final Views views;
  private final Clock clock;

  RegisterPage(Catalog catalog, String office, Views views, Clock clock) {
    this.catalog = catalog;
    this.office = office;
    this.views = views;
    this.clock = clock;
  }

  record Line(int number, String book, String status, boolean voided, String copyId,
      String original, String officer, String agency, String at, String reason) {}

  void show(Context ctx) throws StorageFailure {
    int year = AskedYear.of(ctx, clock);
    List<Line> lines = entries(ctx, year).stream().map(e -> new Line(e.number(),
        e.book().label(), e.status().label(views.words()),
        e.status() == RegisterEntry.Status.VOIDED,
        e.copyId().value(), e.originalId().value(), e.officer(), e.agency(),
        DocumentPage.TIME.format(e.finishedAt().orElse(e.reservedAt())),
        e.voidReason().orElse(""))).toList();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("title", views.text("console.register.title", year));
    model.put("year", year);
    model.put("office", office);
    model.put("lines", lines);
    model.put("voided", lines.stream().filter(Line::voided).count());
    views.render(ctx, "register", model);
  }

  /** GET /console/register.csv?year= */
  void csv(Context ctx) throws StorageFailure, IOException {
    int year = AskedYear.of(ctx, clock);
    StringWriter out = new StringWriter();
    // The byte order mark tells spreadsheets the file is UTF-8.
    out.write('\uFEFF');
    RegisterCsv.write(entries(ctx, year), views.words(), out);
    ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition",
        "attachment; filename=\"so-chung-thuc-" + office + "-" + year + ".csv\"")
        .result(out.toString());
  }

  private List<RegisterEntry> entries(Context ctx, int year) throws StorageFailure {
    OfficerAccount officer = Guard.officer(ctx);
    if (officer.agency().isEmpty()) {
      return catalog.register().entries(office, year);
    }
    // A scoped officer sees the copies of their agency's records: the original's own agency,
    // not the agency whose seal certified them.
    List<RegisterEntry> seen = new ArrayList<>();
    for (RegisterEntry e : catalog.register().entries(office, year)) {
      if (officer.maySee(catalog.documents().agencyOf(e.originalId()))) {
        seen.add(e);
      }
    }
    return seen;
  }
}
