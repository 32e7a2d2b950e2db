package sohoa.extract.admin;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sohoa.extract.layout.OcrDigits;

/**
 * Số, ký hiệu of an administrative document, as Decree 30/2020/NĐ-CP (Appendix I, part II.3)
 * writes it: the number, for legal documents the year, then the symbol — the type's abbreviation
 * and the issuing agency's ({@code 123/QĐ-UBND}, {@code 45/2023/NĐ-CP}), or for a công văn the
 * agency's and the drafting unit's ({@code 12/UBND-VP}), or the agency's alone
 * ({@code 581/PNV}).
 *
 * @param printed the number and symbol as printed, spaces removed, e.g. {@code 123/QĐ-UBND}
 * @param repaired true when OCR noise was put right to read it (O for 0, a broken {@code Số:})
 */
public record NumberSymbol(String printed, int number, Optional<Integer> year,
    Optional<String> typeCode, String agencyCode, Optional<String> unitCode, boolean repaired) {

  /**
   * Abbreviations of document types from Decree 30/2020/NĐ-CP, Appendix III, and the legal
   * documents' (NĐ, TT, …) that number the same way.
   */
  static final Set<String> TYPE_CODES = Set.of("NQ", "QĐ", "CT", "QC", "QYĐ", "TC", "TB", "HD",
      "CTr", "KH", "PA", "ĐA", "DA", "BC", "BB", "TTr", "HĐ", "CĐ", "BGN", "BTT", "GUQ", "GM",
      "GGT", "GNP", "PG", "PC", "PB", "NĐ", "TT", "TTLT", "L", "PL", "NQLT", "TTg", "GCN", "GXN",
      "GP", "GĐ");

  /** After the label: number, optional year, symbol parts joined by dashes. */
  private static final Pattern BODY = Pattern.compile(
      "^\\s*([0-9OoIl|]{1,6})\\s*/\\s*(?:([0-9Oo]{4})\\s*/\\s*)?"
          + "([\\p{Lu}\\p{Ll}0-9Đđ]{1,12}(?:\\s*-\\s*[\\p{Lu}\\p{Ll}0-9Đđ]{1,12}){0,3})");
  /** The label {@code Số:} as OCR reads it, folded: so, s6, s0, so. — with a colon or a point. */
  private static final Pattern LABEL = Pattern.compile("^\\s*s[o06]\\s*[:;.,]|^\\s*s[o06]\\s+(?=[0-9])");

  /**
   * Reads the number and symbol from a segment of text that starts with the label
   * ({@code Số: 123/QĐ-UBND}). Empty when the text does not have that shape.
   */
  public static Optional<NumberSymbol> parse(String text, String folded) {
    Matcher label = LABEL.matcher(folded);
    if (!label.find()) {
      return Optional.empty();
    }
    boolean repaired = !folded.substring(label.start(), label.end()).strip().equals("so:");
    return parseBody(text.substring(label.end()), repaired);
  }

  private static Optional<NumberSymbol> parseBody(String body, boolean labelRepaired) {
    Matcher m = BODY.matcher(body);
    if (!m.find()) {
      return Optional.empty();
    }
    String digits = OcrDigits.repair(m.group(1));
    boolean repaired = labelRepaired || !digits.equals(m.group(1));
    Optional<Integer> year = Optional.empty();
    if (m.group(2) != null) {
      String y = OcrDigits.repair(m.group(2));
      repaired |= !y.equals(m.group(2));
      year = Optional.of(Integer.parseInt(y));
    }
    String symbol = m.group(3).replaceAll("\\s+", "");
    String[] parts = symbol.split("-");
    Optional<String> typeCode = Optional.empty();
    String agencyCode;
    Optional<String> unitCode = Optional.empty();
    if (parts.length >= 2 && TYPE_CODES.contains(parts[0])) {
      typeCode = Optional.of(parts[0]);
      agencyCode = String.join("-", Arrays.copyOfRange(parts, 1, parts.length));
    } else if (parts.length >= 2) {
      agencyCode = parts[0];
      unitCode = Optional.of(String.join("-", Arrays.copyOfRange(parts, 1, parts.length)));
    } else {
      agencyCode = parts[0];
    }
    if (!agencyCode.chars().allMatch(c -> Character.isUpperCase(c) || Character.isDigit(c)
        || c == '-')) {
      // An agency's abbreviation is capitals; lower case here is body text, not a symbol.
      return Optional.empty();
    }
    int number = Integer.parseInt(digits);
    if (number == 0) {
      return Optional.empty();
    }
    // Leading zeros stay as printed: 07/TB-STTTT.
    String printed = digits + "/" + year.map(y -> y + "/").orElse("") + symbol;
    return Optional.of(new NumberSymbol(printed, number, year, typeCode, agencyCode, unitCode,
        repaired));
  }
}
