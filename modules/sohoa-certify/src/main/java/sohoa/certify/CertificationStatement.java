package sohoa.certify;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import sohoa.catalog.RegisterBook;

/**
 * The lời chứng of a copy certified from its original, in the words of the official form (mẫu
 * lời chứng chứng thực bản sao từ bản chính): what the certification page or stamp says.
 */
record CertificationStatement(String agency, int number, RegisterBook book, LocalDate date,
    Officer officer, int copyPages, String verificationUrl) {
  static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
  static final String TITLE = "LỜI CHỨNG CHỨNG THỰC BẢN SAO TỪ BẢN CHÍNH";
  static final String CERTIFIED = "Chứng thực bản sao đúng với bản chính.";

  /** {@code Số chứng thực: 25} */
  String numberLine() {
    return "Số chứng thực: " + number;
  }

  /** {@code Quyển số: 01/2026-SCT/BS} */
  String bookLine() {
    return "Quyển số: " + book.label();
  }

  /** The date written out: {@code Ngày 08 tháng 10 năm 2026}. */
  String dateLine() {
    return String.format("Ngày %02d tháng %02d năm %d", date.getDayOfMonth(),
        date.getMonthValue(), date.getYear());
  }

  /** {@code Bản sao gồm 3 trang.} */
  String pagesLine() {
    return "Bản sao gồm " + copyPages + " trang.";
  }

  /** The statement's body, in reading order. */
  List<String> body() {
    return List.of(CERTIFIED, numberLine(), bookLine(), dateLine(), pagesLine());
  }

  String agencyHeading() {
    return agency.toUpperCase(VIETNAMESE);
  }

  String officerHeading() {
    return officer.title().toUpperCase(VIETNAMESE);
  }
}
