package sohoa.extract.civil;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * Số định danh cá nhân: twelve digits laid out by Circular 59/2021/TT-BCA — the province of birth
 * registration (3 digits), the century and sex (1 digit: 0/1 for a man/woman born in the 20th
 * century, 2/3 in the 21st, and so on), the last two digits of the year of birth, then a serial of
 * six digits. A number whose province code does not exist is impossible, and so is one that
 * contradicts the date of birth or sex printed beside it.
 */
public record PersonalId(String digits) {
  /** The province codes of Circular 59/2021/TT-BCA, Appendix I. */
  private static final Set<String> PROVINCES = Set.of("001", "002", "004", "006", "008", "010",
      "011", "012", "014", "015", "017", "019", "020", "022", "024", "025", "026", "027", "030",
      "031", "033", "034", "035", "036", "037", "038", "040", "042", "044", "045", "046", "048",
      "049", "051", "052", "054", "056", "058", "060", "062", "064", "066", "067", "068", "070",
      "072", "074", "075", "077", "079", "080", "082", "083", "084", "086", "087", "089", "091",
      "092", "093", "094", "095", "096");

  public PersonalId {
    if (!digits.matches("[0-9]{12}")) {
      throw new IllegalArgumentException("a personal identification number has 12 digits, got '"
          + digits + "'");
    }
    if (!PROVINCES.contains(digits.substring(0, 3))) {
      throw new IllegalArgumentException("no province has the code " + digits.substring(0, 3)
          + " (personal identification number " + digits + ")");
    }
  }

  /** The number if {@code text} holds a possible one (spaces and dots between digits allowed). */
  public static Optional<PersonalId> parse(String text) {
    String digits = text.replaceAll("[\\s.]", "");
    if (!digits.matches("[0-9]{12}") || !PROVINCES.contains(digits.substring(0, 3))) {
      return Optional.empty();
    }
    return Optional.of(new PersonalId(digits));
  }

  public String province() {
    return digits.substring(0, 3);
  }

  /** True for a woman: the century-and-sex digit is odd. */
  public boolean female() {
    return (digits.charAt(3) - '0') % 2 == 1;
  }

  /** The year of birth the number encodes: century from the fourth digit, then two digits. */
  public int birthYear() {
    int century = 1900 + (digits.charAt(3) - '0') / 2 * 100;
    return century + Integer.parseInt(digits.substring(4, 6));
  }

  /** False when the number contradicts a date of birth or sex known from the same record. */
  public boolean agreesWith(Optional<LocalDate> birth, Optional<Boolean> female) {
    return birth.map(d -> d.getYear() == birthYear()).orElse(true)
        && female.map(f -> f == female()).orElse(true);
  }
}
