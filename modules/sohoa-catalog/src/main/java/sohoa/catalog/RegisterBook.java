package sohoa.catalog;

import java.util.regex.Pattern;

/**
 * One certification book (quyển sổ chứng thực) of an office in one year, printed as
 * {@code Quyển số: 01/2026-SCT/BS}. Numbers belong to the office's year, not to the book: they
 * start at 1 each year and continue across the books of that year (Decree 23/2015 as amended in
 * 2025), so an office that opens book 02 in June goes on from the last number of book 01.
 *
 * @param office the certifying office's code, telling offices apart in a shared catalog
 * @param code the book's number within the year, e.g. {@code 01}
 */
public record RegisterBook(String office, String code, int year) {
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  public RegisterBook {
    check(office, "an office code");
    check(code, "a register book code");
    if (year < 2000 || year > 9999) {
      throw new IllegalArgumentException("not a register year: " + year);
    }
  }

  private static void check(String value, String what) {
    if (value == null || !CODE.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " is letters, digits, '.', '_' and '-' (up to"
          + " 64), such as 01; got '" + value + "'");
    }
  }

  /** As the lời chứng writes it: {@code 01/2026-SCT/BS} (sổ chứng thực bản sao). */
  public String label() {
    return code + "/" + year + "-SCT/BS";
  }
}
