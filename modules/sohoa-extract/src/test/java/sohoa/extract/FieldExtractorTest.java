package sohoa.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import sohoa.extract.fields.DocumentFields;
import sohoa.extract.fields.DocumentKind;
import sohoa.extract.fields.FieldName;

class FieldExtractorTest {
  private final FieldExtractor extractor = new FieldExtractor();

  private static PrintedPage decision() {
    return new PrintedPage()
        .left(0, "UBND TỈNH THANH HÓA").right(0, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        .left(1, "SỞ NỘI VỤ").right(1, "Độc lập - Tự do - Hạnh phúc")
        .left(3, "Số: 123/QĐ-SNV").right(3, "Thanh Hóa, ngày 08 tháng 10 năm 2023")
        .centre(5, "QUYẾT ĐỊNH")
        .centre(6, "Về việc ban hành Kế hoạch chuyển đổi số")
        .body(8, "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;")
        .body(9, "Xét đề nghị của Chánh Văn phòng Sở,");
  }

  private static PrintedPage signedEnd() {
    return new PrintedPage()
        .body(0, "Quyết định này có hiệu lực kể từ ngày ký.")
        .left(2, "Nơi nhận:").right(2, "KT. GIÁM ĐỐC")
        .left(3, "- Như Điều 3;").right(3, "PHÓ GIÁM ĐỐC")
        .left(4, "- Lưu: VT, VP.")
        .right(7, "Nguyễn Thị Lụa");
  }

  @Test
  void extract_decision_readsEveryHeaderField() {
    DocumentFields fields = extractor.extract(List.of(decision().text(), signedEnd().text()));

    assertEquals(DocumentKind.ADMINISTRATIVE, fields.kind());
    assertEquals(Optional.of("true"), fields.value(FieldName.NATIONAL_TITLE));
    assertEquals(Optional.of("UBND TỈNH THANH HÓA"), fields.value(FieldName.PARENT_AGENCY));
    assertEquals(Optional.of("SỞ NỘI VỤ"), fields.value(FieldName.AGENCY));
    assertEquals(Optional.of("123/QĐ-SNV"), fields.value(FieldName.NUMBER));
    assertEquals(Optional.of("123"), fields.value(FieldName.NUMBER_VALUE));
    assertEquals(Optional.of("QĐ"), fields.value(FieldName.TYPE_CODE));
    assertEquals(Optional.of("SNV"), fields.value(FieldName.AGENCY_CODE));
    assertEquals(Optional.of("Thanh Hóa"), fields.value(FieldName.PLACE));
    assertEquals(Optional.of("2023-10-08"), fields.value(FieldName.DATE));
    assertEquals(Optional.of("Quyết định"), fields.value(FieldName.TYPE));
    assertEquals(Optional.of("Về việc ban hành Kế hoạch chuyển đổi số"),
        fields.value(FieldName.SUMMARY));
    assertEquals(Optional.of("KT. GIÁM ĐỐC"), fields.value(FieldName.SIGNER_AUTHORITY));
    assertEquals(Optional.of("PHÓ GIÁM ĐỐC"), fields.value(FieldName.SIGNER_POSITION));
    assertEquals(Optional.of("Nguyễn Thị Lụa"), fields.value(FieldName.SIGNER));
    assertEquals(Optional.of("Như Điều 3; Lưu: VT, VP"), fields.value(FieldName.RECIPIENTS));
    assertEquals(2, fields.get(FieldName.SIGNER).orElseThrow().page());
    assertTrue(fields.get(FieldName.NUMBER).orElseThrow().box().isPresent());
  }

  @Test
  void extract_officialLetter_takesTheSummaryUnderTheNumber() {
    PrintedPage letter = new PrintedPage()
        .left(0, "ỦY BAN NHÂN DÂN").right(0, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        .left(1, "XÃ ĐỊNH HÒA").right(1, "Độc lập - Tự do - Hạnh phúc")
        .left(3, "Số: 12/UBND-VP").right(3, "Định Hòa, ngày 8/3/2024")
        .left(4, "V/ đẩy mạnh thanh toán trực tuyến")
        .left(5, "phí, lệ phí")
        .body(8, "Kính gửi: các phòng, ban, ngành");

    DocumentFields fields = extractor.extract(List.of(letter.text()));

    assertEquals(Optional.of("Công văn"), fields.value(FieldName.TYPE));
    assertEquals(Optional.of("V/v đẩy mạnh thanh toán trực tuyến phí, lệ phí"),
        fields.value(FieldName.SUMMARY));
    assertEquals(Optional.of("UBND"), fields.value(FieldName.AGENCY_CODE));
    assertEquals(Optional.of("VP"), fields.value(FieldName.UNIT_CODE));
    assertEquals(Optional.of("2024-03-08"), fields.value(FieldName.DATE));
    assertEquals(Optional.of("Định Hòa"), fields.value(FieldName.PLACE));
  }

  @Test
  void extract_agencyRunIntoTheNationalTitle_isCutBeforeIt() {
    PrintedPage page = new PrintedPage()
        .at(0, 300, "ỦY BAN NHÂN DÂN TỈNH THANH HÓA CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        .right(1, "Độc lập - Tự do - Hạnh phúc")
        .left(3, "Số: 690/TB-UBND").right(3, "Thanh Hóa, ngày 26 tháng 12 năm 2024")
        .centre(5, "THÔNG BÁO");

    DocumentFields fields = extractor.extract(List.of(page.text()));

    assertEquals(Optional.of("ỦY BAN NHÂN DÂN TỈNH THANH HÓA"), fields.value(FieldName.AGENCY));
    assertEquals(Optional.empty(), fields.value(FieldName.PARENT_AGENCY));
  }

  @Test
  void extract_noisyNumber_isRepairedAndMarkedLessSure() {
    PrintedPage page = new PrintedPage()
        .left(0, "UBND TỈNH THANH HÓA").right(0, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        .left(1, "SỞ NỘI VỤ")
        .left(3, "S6: 1O7/TB-SNV").right(3, "Thanh Hoa, ngay O8 thang 1O nam 2O23")
        .centre(5, "THONG BAO");

    DocumentFields fields = extractor.extract(List.of(page.text()));

    assertEquals(Optional.of("107/TB-SNV"), fields.value(FieldName.NUMBER));
    assertEquals(Optional.of("2023-10-08"), fields.value(FieldName.DATE));
    assertEquals(Optional.of("Thông báo"), fields.value(FieldName.TYPE));
    double clean = extractor.extract(List.of(decision().text())).get(FieldName.NUMBER)
        .orElseThrow().confidence();
    assertTrue(fields.get(FieldName.NUMBER).orElseThrow().confidence() < clean);
  }

  @Test
  void extract_lowConfidenceReading_isReportedUnsure() {
    DocumentFields fields = extractor.extract(List.of(decision().withConfidence(40f).text()));

    assertTrue(fields.get(FieldName.NUMBER).orElseThrow().unsure());
  }

  @Test
  void extract_plainLetterWithoutHeader_fillsNothing() {
    PrintedPage page = new PrintedPage()
        .body(0, "Kính gửi anh chị, ngày 8 tháng 10 năm 2023 chúng tôi có họp")
        .body(1, "Số người đến dự là 40, nội dung như sau")
        .centre(3, "Trân trọng");

    DocumentFields fields = extractor.extract(List.of(page.text()));

    assertFalse(fields.get(FieldName.NUMBER).isPresent());
    assertFalse(fields.get(FieldName.AGENCY).isPresent());
    assertFalse(fields.get(FieldName.SIGNER).isPresent());
    assertFalse(fields.get(FieldName.TYPE).isPresent());
  }

  @Test
  void extract_birthCertificate_readsLabelledFieldsAndChecksTheId() {
    PrintedPage page = new PrintedPage()
        .left(0, "UBND XÃ QUẢNG PHÚ").right(0, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
        .left(1, "Số: 215").right(1, "Độc lập - Tự do - Hạnh phúc")
        .left(2, "Quyển số: 01/2020")
        .centre(4, "GIẤY KHAI SINH")
        .at(6, LEFT, "Họ, chữ đệm, tên: NGUYỄN NGỌC ÁNH")
        .at(7, LEFT, "Ngày, tháng, năm sinh: 15/03/2020 ghi bằng chữ: Ngày mười lăm")
        .at(8, LEFT, "Giới tính: Nữ").at(8, 1200, "Dân tộc: Kinh").at(8, 1800, "Quốc tịch: Việt Nam")
        .at(9, LEFT, "Nơi sinh: Trạm Y tế xã Quảng Phú, tỉnh Thanh Hóa")
        .at(10, LEFT, "Số định danh cá nhân: 038 320 001234");

    DocumentFields fields = extractor.extract(List.of(page.text()));

    assertEquals(DocumentKind.BIRTH_CERTIFICATE, fields.kind());
    assertEquals(Optional.of("NGUYỄN NGỌC ÁNH"), fields.value(FieldName.FULL_NAME));
    assertEquals(Optional.of("2020-03-15"), fields.value(FieldName.BIRTH_DATE));
    assertEquals(Optional.of("Nữ"), fields.value(FieldName.SEX));
    assertEquals(Optional.of("Trạm Y tế xã Quảng Phú, tỉnh Thanh Hóa"),
        fields.value(FieldName.EVENT_PLACE));
    assertEquals(Optional.of("038320001234"), fields.value(FieldName.PERSONAL_ID));
    assertEquals(Optional.of("215"), fields.value(FieldName.REGISTRATION_NUMBER));
    assertEquals(Optional.of("01/2020"), fields.value(FieldName.REGISTRATION_BOOK));
  }

  @Test
  void extract_deathExtractWithContradictoryId_leavesTheIdOut() {
    PrintedPage page = new PrintedPage()
        .left(1, "Số: 42")
        .centre(4, "TRÍCH LỤC KHAI TỬ")
        .at(6, LEFT, "Họ, chữ đệm, tên: TRẦN VĂN BÌNH")
        .at(7, LEFT, "Ngày, tháng, năm sinh: 02/01/1950")
        .at(8, LEFT, "Giới tính: Nam")
        .at(9, LEFT, "Số định danh cá nhân: 038195001234")
        .at(10, LEFT, "Đã chết vào lúc: 10 giờ 30 phút, ngày 05/06/2023")
        .at(11, LEFT, "Nơi chết: Bệnh viện Đa khoa tỉnh Thanh Hóa");

    DocumentFields fields = extractor.extract(List.of(page.text()));

    assertEquals(DocumentKind.DEATH_CERTIFICATE, fields.kind());
    assertEquals(Optional.of("2023-06-05"), fields.value(FieldName.DEATH_DATE));
    assertEquals(Optional.of("Bệnh viện Đa khoa tỉnh Thanh Hóa"),
        fields.value(FieldName.EVENT_PLACE));
    // 038 1 95…: a woman born in 1995, not a man born in 1950.
    assertEquals(Optional.empty(), fields.value(FieldName.PERSONAL_ID));
  }

  private static final int LEFT = PrintedPage.LEFT;
}
