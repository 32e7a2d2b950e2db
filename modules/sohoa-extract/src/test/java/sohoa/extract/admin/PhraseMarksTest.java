package sohoa.extract.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseMarksTest {
  private final PhraseMarks marks = PhraseMarks.administrative();

  @Test
  void restore_wrongToneInsideAKnownPhrase_isGivenThePhrasesTone() {
    assertEquals("V/v đẩy mạnh thanh toán trực tuyến phí, lệ phí",
        marks.restore("V/v đầy mạnh thanh toán trực tuyến phí, lệ phí"));
    assertEquals("Kế hoạch chuyển đổi số năm 2024",
        marks.restore("Kế hoạch chuyển đối số năm 2024"));
    assertEquals("xây dựng chính quyền số", marks.restore("xây dựng chính quyên số"));
  }

  @Test
  void restore_keepsEachWordsCase() {
    assertEquals("UBND TỈNH THANH HÓA", marks.restore("UBND TÍNH THANH HÓA"));
    assertEquals("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", marks.restore("SỞ TÀI NGUYÊN VÀ MỖI TRƯỜNG"));
    assertEquals("Đẩy mạnh", marks.restore("Đầy mạnh"));
  }

  @Test
  void restore_missingMarksAndStroke_areRestored() {
    assertEquals("Về việc tăng cường cải cách hành chính",
        marks.restore("Ve viec tang cuong cai cach hanh chinh"));
    assertEquals("đẩy mạnh", marks.restore("dẩy mạnh"));
  }

  @Test
  void restore_wordBeforeAYear_isNam() {
    assertEquals("quý 4 năm 2024", marks.restore("quý 4 nắm 2024"));
    assertEquals("NĂM 2021", marks.restore("NẮM 2021"));
    assertEquals("Giải bóng đá Việt Nam 2023", marks.restore("Giải bóng đá Việt Nam 2023"));
    assertEquals("nắm 20 hộ", marks.restore("nắm 20 hộ"));
  }

  @Test
  void restore_textAlreadyRight_isUnchanged() {
    String right = "ỦY BAN NHÂN DÂN XÃ XUÂN LAI ban hành Quyết định về việc công nhận làng văn hóa";
    assertEquals(right, marks.restore(right));
  }

  @Test
  void restore_tonePlacedOnTheOtherVowel_isNotAnError() {
    assertEquals("UỶ BAN NHÂN DÂN TỈNH", marks.restore("UỶ BAN NHÂN DÂN TỈNH"));
    assertEquals("hoà giải", marks.restore("hoà giải"));
  }

  @Test
  void restore_wordOutsideAnyPhrase_isLeftAlone() {
    assertEquals("nộp đầy đủ hồ sơ", marks.restore("nộp đầy đủ hồ sơ"));
    assertEquals("tính toán mạnh", marks.restore("tính toán mạnh"));
  }

  @Test
  void restore_phrasesThatFoldAlike_restoreNeither() {
    PhraseMarks ambiguous = PhraseMarks.of(List.of("thủ trưởng", "thứ trưởng", "đẩy mạnh"));

    assertEquals("thu trưởng đơn vị", ambiguous.restore("thu trưởng đơn vị"));
    assertEquals("đẩy mạnh", ambiguous.restore("đầy mạnh"));
  }
}
