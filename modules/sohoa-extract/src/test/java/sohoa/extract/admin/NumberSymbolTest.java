package sohoa.extract.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import sohoa.core.text.Folding;

class NumberSymbolTest {

  private static Optional<NumberSymbol> parse(String text) {
    return NumberSymbol.parse(text, Folding.fold(text));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "Số: 123/QĐ-UBND      | 123/QĐ-UBND     | 123 | -    | QĐ  | UBND   | -  | false",
      "Số: 45/2023/NĐ-CP    | 45/2023/NĐ-CP   | 45  | 2023 | NĐ  | CP     | -  | false",
      "Số: 07/TB-STTTT      | 07/TB-STTTT     | 7   | -    | TB  | STTTT  | -  | false",
      "Số: 12/UBND-VP       | 12/UBND-VP      | 12  | -    | -   | UBND   | VP | false",
      "Số: 581/PNV          | 581/PNV         | 581 | -    | -   | PNV    | -  | false",
      "S6: 38/TB-UBND       | 38/TB-UBND      | 38  | -    | TB  | UBND   | -  | true",
      "Số: 1O7 / TTr - SNV  | 107/TTr-SNV     | 107 | -    | TTr | SNV    | -  | true",
      "Sô: 914/KH-UBND      | 914/KH-UBND     | 914 | -    | KH  | UBND   | -  | false"})
  void parse_numberAndSymbol(String text, String printed, int number, Integer year,
      String typeCode, String agencyCode, String unitCode, boolean repaired) {
    NumberSymbol n = parse(text).orElseThrow();

    assertEquals(printed, n.printed());
    assertEquals(number, n.number());
    assertEquals(Optional.ofNullable(year), n.year());
    assertEquals(Optional.ofNullable(typeCode), n.typeCode());
    assertEquals(agencyCode, n.agencyCode());
    assertEquals(Optional.ofNullable(unitCode), n.unitCode());
    assertEquals(repaired, n.repaired());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Số người đến dự là 40", "Số: không", "Sổ tay hướng dẫn",
      "Số: 0/QĐ-UBND", "Số: 12/đề nghị"})
  void parse_textThatIsNoNumber_givesNothing(String text) {
    assertFalse(parse(text).isPresent(), text);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "Thanh Hóa, ngày 08 tháng 10 năm 2023 | Thanh Hóa | 2023-10-08",
      "Hà Nội, ngày 8/10/2023               | Hà Nội    | 2023-10-08",
      "Thanh Hoa, ngay 8 thang 10 nam 2023  | Thanh Hoa | 2023-10-08",
      "Định Hòa, ngày O8 tháng 1O năm 2O21  | Định Hòa  | 2021-10-08",
      "Số: 648/QĐ-UBND Kim Tân, ngày 11 tháng 04 năm 2025 | Kim Tân | 2025-04-11",
      "Thành phố Hồ Chí Minh, ngày 2 tháng 9 năm 2024 | Thành phố Hồ Chí Minh | 2024-09-02"})
  void parse_placeAndDate(String text, String place, String date) {
    IssuePlaceDate read = IssuePlaceDate.parse(text, Folding.fold(text)).orElseThrow();

    assertEquals(place, read.place());
    assertEquals(date, read.date().toString());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Hà Nội, ngày 31 tháng 02 năm 2023", "ngày làm việc trong tuần"})
  void parse_impossibleOrMissingDate_givesNothing(String text) {
    assertTrue(IssuePlaceDate.parse(text, Folding.fold(text)).isEmpty(), text);
  }
}
