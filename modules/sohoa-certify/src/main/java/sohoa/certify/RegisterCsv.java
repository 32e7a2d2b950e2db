package sohoa.certify;

import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import sohoa.catalog.RegisterEntry;
import sohoa.core.i18n.Messages;

/**
 * The certification register (sổ chứng thực) as CSV, one line per number, voided ones with
 * their reason: what {@code sohoa register export} and the console's register page give.
 */
public final class RegisterCsv {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern(
      "dd/MM/yyyy HH:mm:ss").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

  private RegisterCsv() {}

  /** Writes {@code entries}, their statuses in {@code words}' language. */
  public static void write(List<RegisterEntry> entries, Messages words, Appendable out)
      throws IOException {
    CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader("so_chung_thuc", "quyen_so",
        "trang_thai", "ma_ban_sao", "ma_ban_chinh", "nguoi_chung_thuc", "chuc_danh",
        "co_quan", "thoi_gian", "so_trang", "sha256", "ly_do_huy").get().print(out);
    for (RegisterEntry e : entries) {
      csv.printRecord(e.number(), e.book().label(), e.status().label(words), e.copyId().value(),
          e.originalId().value(), e.officer(), e.officerTitle(), e.agency(),
          TIME.format(e.finishedAt().orElse(e.reservedAt())),
          e.pageCount().isPresent() ? e.pageCount().getAsInt() : "",
          e.sha256().map(h -> h.hex()).orElse(""), e.voidReason().orElse(""));
    }
    csv.flush();
  }
}
