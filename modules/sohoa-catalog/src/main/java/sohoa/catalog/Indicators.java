package sohoa.catalog;

import java.time.Instant;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;
import sohoa.core.error.StorageFailure;

/**
 * The digital-government indicators a province reports per agency and month, as far as sohoa can
 * know them from its own catalog and audit log: records digitised, the share of them signed
 * digitally, results issued electronically (certified copies), and how often an existing record
 * was used again instead of a new scan.
 */
public final class Indicators {
  /** A record's agency when its header was not read. */
  public static final String UNKNOWN_AGENCY = "";
  private static final String AGENCY_OF = "(SELECT f.field_value FROM fields f"
      + " WHERE f.document_id = %s AND f.field_name = 'agency')";

  private final DataSource dataSource;

  Indicators(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * One agency's month.
   *
   * @param digitised records digitised from a new scan (hồ sơ được số hoá)
   * @param signed those of them whose PDF/A carries the agency's digital seal
   * @param copies certified copies issued electronically from its records (bản sao điện tử)
   * @param retrievals its records fetched by other systems through the API (content or
   *     metadata): data declared once and used again
   * @param resent scans sent again and found already digitised, so not scanned anew
   */
  public record Month(String agency, YearMonth month, int digitised, int signed, int copies,
      int retrievals, int resent) {
    /** Uses of an existing record: retrievals, certified copies and scans found digitised. */
    public int reuses() {
      return retrievals + copies + resent;
    }

    /** Signed share of the records digitised; empty when none were. */
    public Optional<Double> signedShare() {
      return digitised == 0 ? Optional.empty() : Optional.of((double) signed / digitised);
    }

    /** Share of the month's work served from existing records rather than new scans. */
    public Optional<Double> reuseShare() {
      int all = reuses() + digitised;
      return all == 0 ? Optional.empty() : Optional.of((double) reuses() / all);
    }
  }

  /**
   * Every agency's months of {@code year}, months counted in {@code zone}; only the agencies
   * {@code scope} covers (an officer or key limited to one), by agency then month.
   */
  public List<Month> of(Year year, ZoneId zone, Optional<String> scope) throws StorageFailure {
    Instant from = year.atDay(1).atStartOfDay(zone).toInstant();
    Instant to = year.plusYears(1).atDay(1).atStartOfDay(zone).toInstant();
    Map<String, Map<YearMonth, int[]>> counts = new TreeMap<>();
    count(counts, zone, scope, "SELECT d.created_at, " + AGENCY_OF.formatted("d.id")
        + ", CASE WHEN EXISTS (SELECT 1 FROM artifacts a WHERE a.document_id = d.id"
        + " AND a.kind = 'signed') THEN 1 ELSE 0 END FROM documents d"
        + " WHERE d.created_at >= ? AND d.created_at < ?", from, to, 0, 1);
    count(counts, zone, scope, "SELECT e.finished_at, " + AGENCY_OF.formatted("e.original_id")
        + ", 0 FROM register_entries e WHERE e.status = 'ISSUED'"
        + " AND e.finished_at >= ? AND e.finished_at < ?", from, to, 2, -1);
    count(counts, zone, scope, "SELECT a.at, " + AGENCY_OF.formatted("a.subject")
        + ", 0 FROM audit_log a WHERE a.action IN ('retrieve', 'retrieve-metadata')"
        + " AND a.at >= ? AND a.at < ?", from, to, 3, -1);
    count(counts, zone, scope, "SELECT j.started_at, " + AGENCY_OF.formatted("i.document_id")
        + ", 0 FROM job_items i JOIN jobs j ON j.id = i.job_id WHERE i.status = 'REUSED'"
        + " AND j.started_at >= ? AND j.started_at < ?", from, to, 4, -1);
    List<Month> months = new ArrayList<>();
    counts.forEach((agency, byMonth) -> byMonth.forEach((month, c) ->
        months.add(new Month(agency, month, c[0], c[1], c[2], c[3], c[4]))));
    return months;
  }

  /**
   * Adds each row of {@code sql} (when, agency, flag) to {@code column} of its agency's month,
   * and to {@code flagged} when its flag is 1.
   */
  private void count(Map<String, Map<YearMonth, int[]>> counts, ZoneId zone,
      Optional<String> scope, String sql, Instant from, Instant to, int column, int flagged)
      throws StorageFailure {
    record Row(Instant at, String agency, boolean flag) {}
    for (Row row : Sql.query(dataSource, "count the indicators", sql, r -> new Row(
        r.getTimestamp(1).toInstant(), Optional.ofNullable(r.getString(2))
        .orElse(UNKNOWN_AGENCY), r.getInt(3) == 1), from, to)) {
      if (!AgencyScope.covers(scope, Optional.of(row.agency()).filter(a -> !a.isEmpty()))) {
        continue;
      }
      int[] month = counts.computeIfAbsent(row.agency(), a -> new TreeMap<>())
          .computeIfAbsent(YearMonth.from(row.at().atZone(zone)), m -> new int[5]);
      month[column]++;
      if (flagged >= 0 && row.flag()) {
        month[flagged]++;
      }
    }
  }
}
