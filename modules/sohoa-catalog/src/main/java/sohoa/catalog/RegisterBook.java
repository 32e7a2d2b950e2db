package sohoa.catalog;

import java.util.regex.Pattern;

/**
 * One certification book (quyển sổ chứng thực) of one year: numbers start at 1 in each. The code
 * tells an office's books apart ({@code 01}, or {@code PBN-01} where offices share a catalog);
 * printed as {@code Quyển số: 01/2026-SCT/BS}.
 */
public record RegisterBook(String code, int year) {
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  public RegisterBook {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("a register book code is letters, digits, '.', '_' and"
          + " '-' (up to 64), such as 01; got '" + code + "'");
    }
    if (year < 2000 || year > 9999) {
      throw new IllegalArgumentException("not a register year: " + year);
    }
  }

  /** As the lời chứng writes it: {@code 01/2026-SCT/BS} (sổ chứng thực bản sao). */
  public String label() {
    return code + "/" + year + "-SCT/BS";
  }
}
