package sohoa.extract.admin;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sohoa.extract.layout.OcrDigits;

/**
 * Địa danh và thời gian ban hành: {@code Thanh Hóa, ngày 08 tháng 10 năm 2023}, or
 * {@code Hà Nội, ngày 8/10/2023}. Matched on folded text, so a dropped tone mark does not matter;
 * the place is cut from the original text, which folding keeps aligned character for character.
 *
 * @param repaired true when OCR noise was put right (O for 0 in the digits)
 */
public record IssuePlaceDate(String place, LocalDate date, boolean repaired) {
  private static final String DIGITS = "[0-9oil]";
  private static final Pattern WORDS = Pattern.compile(
      "([a-z][a-z .'-]{0,40}?)?\\s*,?\\s*ngay\\s+(" + DIGITS + "{1,2})\\s*"
          + "thang\\s+(" + DIGITS + "{1,2})\\s*nam\\s+(" + DIGITS + "{4})");
  private static final Pattern NUMERIC = Pattern.compile(
      "([a-z][a-z .'-]{0,40}?)?\\s*,?\\s*ngay\\s+(" + DIGITS + "{1,2})\\s*[/.-]\\s*(" + DIGITS
          + "{1,2})\\s*[/.-]\\s*(" + DIGITS + "{4})");

  /**
   * The place and date in a segment of text, if it has them; the place is empty when the date
   * stands alone.
   */
  public static Optional<IssuePlaceDate> parse(String text, String folded) {
    for (Pattern pattern : new Pattern[] {WORDS, NUMERIC}) {
      Matcher m = pattern.matcher(folded);
      if (m.find()) {
        Optional<IssuePlaceDate> found = of(text, m);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<IssuePlaceDate> of(String text, Matcher m) {
    String day = OcrDigits.repair(m.group(2));
    String month = OcrDigits.repair(m.group(3));
    String year = OcrDigits.repair(m.group(4));
    boolean repaired = !day.equals(m.group(2)) || !month.equals(m.group(3))
        || !year.equals(m.group(4));
    LocalDate date;
    try {
      date = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
    String place = m.group(1) == null ? "" : placeName(text.substring(m.start(1), m.end(1)));
    return Optional.of(new IssuePlaceDate(place, date, repaired));
  }

  /**
   * The place name at the end of {@code words}: Vietnamese place names are written in title case
   * ({@code Thanh Hóa}, {@code Thành phố Hồ Chí Minh}), so capitals-only words before it
   * ({@code UBND}, run in from a neighbouring column) and lower-case words at its start are not
   * part of it.
   */
  private static String placeName(String words) {
    String[] parts = words.strip().split("\\s+");
    int start = parts.length;
    while (start > 0 && !allCapitals(parts[start - 1])) {
      start--;
    }
    while (start < parts.length && !Character.isUpperCase(parts[start].charAt(0))) {
      start++;
    }
    return String.join(" ", Arrays.copyOfRange(parts, start, parts.length));
  }

  private static boolean allCapitals(String word) {
    return word.length() > 1 && word.chars().noneMatch(Character::isLowerCase)
        && word.chars().anyMatch(Character::isLetter);
  }
}
