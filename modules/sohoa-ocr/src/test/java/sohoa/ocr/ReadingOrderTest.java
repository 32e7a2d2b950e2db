package sohoa.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sohoa.core.text.Box;
import sohoa.core.text.PageText;
import sohoa.core.text.TextLine;
import sohoa.core.text.TextOrigin;
import sohoa.core.text.Word;

/**
 * Lines as Tesseract gives a Decree 30 page at 300 dpi: its two header blocks and the recipients
 * beside the signer read as lines running across the page.
 */
class ReadingOrderTest {
  private static final int HEIGHT = 40;

  @Test
  void twoHeaderBlocksReadAsOneLine_areGivenLeftBlockFirst_thenRight() {
    PageText page = page(
        line(100, 300, "UBND TỈNH THANH HÓA", 1200, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        line(150, 300, "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", 1350, "Độc lập - Tự do - Hạnh phúc"),
        line(230, 380, "Số: 178/TTr-STTTT", 1400, "Thanh Hóa, ngày 06 tháng 08 năm 2025"),
        line(320, 1100, "TỜ TRÌNH"),
        line(370, 700, "Đề nghị phê duyệt đề án xây dựng chính quyền số"),
        line(450, 300, "Tỉnh Thanh Hóa phấn đấu đến năm 2030, sẽ trong nhóm 5 tỉnh, thành phố"));

    assertEquals(List.of(
        "UBND TỈNH THANH HÓA",
        "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
        "Số: 178/TTr-STTTT",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Thanh Hóa, ngày 06 tháng 08 năm 2025",
        "TỜ TRÌNH",
        "Đề nghị phê duyệt đề án xây dựng chính quyền số",
        "Tỉnh Thanh Hóa phấn đấu đến năm 2030, sẽ trong nhóm 5 tỉnh, thành phố"),
        texts(ReadingOrder.of(page)));
  }

  @Test
  void recipientsBesideTheSigner_areGivenAsTwoBlocks_afterTheBodyAboveThem() {
    PageText page = page(
        line(100, 300, "cung cấp dịch vụ công mức độ 3 đạt tỷ lệ 93,2%, mức độ 4 đạt 32,13%."),
        line(200, 300, "Nơi nhận:", 1500, "KT. GIÁM ĐỐC"),
        line(250, 300, "- Như trên;", 1480, "PHÓ GIÁM ĐỐC"),
        line(300, 300, "- Lưu: VT."),
        line(450, 1470, "Cao Thanh Khoa"));

    assertEquals(List.of(
        "cung cấp dịch vụ công mức độ 3 đạt tỷ lệ 93,2%, mức độ 4 đạt 32,13%.",
        "Nơi nhận:", "- Như trên;", "- Lưu: VT.",
        "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Cao Thanh Khoa"),
        texts(ReadingOrder.of(page)));
  }

  @Test
  void headerBlocksGivenRowByRowAsSeparateLines_areGivenBlockByBlock() {
    PageText page = page(
        line(100, 300, "UBND TỈNH THANH HÓA"),
        line(100, 1200, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        line(150, 300, "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"),
        line(230, 380, "Số: 1742/STTTT-CĐS"),
        line(150, 1350, "Độc lập - Tự do - Hạnh phúc"),
        line(230, 1400, "Thanh Hóa, ngày 12 tháng 9 năm 2024"),
        line(450, 300, "Kính gửi: Ủy ban nhân dân các huyện, thị xã, thành phố trong tỉnh."));

    assertEquals(List.of(
        "UBND TỈNH THANH HÓA",
        "SỞ THÔNG TIN VÀ TRUYỀN THÔNG",
        "Số: 1742/STTTT-CĐS",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Thanh Hóa, ngày 12 tháng 9 năm 2024",
        "Kính gửi: Ủy ban nhân dân các huyện, thị xã, thành phố trong tỉnh."),
        texts(ReadingOrder.of(page)));
  }

  @Test
  void bodyLinesWithOrdinarySpaces_areLeftAsRead() {
    PageText page = page(
        line(100, 300, "Điều 1. Phê duyệt đề án xây dựng chính quyền số tỉnh Thanh Hóa"),
        line(150, 300, "giai đoạn 2021 - 2025, định hướng đến năm 2030."),
        line(200, 300, "Điều 2. Quyết định này có hiệu lực kể từ ngày ký."));

    assertEquals(texts(page), texts(ReadingOrder.of(page)));
  }

  @Test
  void aTableRowOfThreeCells_staysInOrder_andEndsNoBlocks() {
    PageText page = page(
        line(100, 300, "Nơi nhận:", 1500, "KT. GIÁM ĐỐC"),
        line(150, 300, "1", 600, "Sở Nội vụ", 1500, "12"),
        line(200, 300, "- Lưu: VT."));

    assertEquals(List.of("Nơi nhận:", "KT. GIÁM ĐỐC", "1", "Sở Nội vụ", "12", "- Lưu: VT."),
        texts(ReadingOrder.of(page)));
  }

  /**
   * A line at {@code top} of pieces, each a start x and its words: 20 px a letter, 40 px high,
   * spaces of 15 px.
   */
  private static TextLine line(int top, Object... startsAndTexts) {
    List<Word> words = new ArrayList<>();
    for (int i = 0; i < startsAndTexts.length; i += 2) {
      int x = (int) startsAndTexts[i];
      for (String word : ((String) startsAndTexts[i + 1]).split(" ")) {
        int width = 20 * word.length();
        words.add(new Word(word, new Box(x, top, x + width, top + HEIGHT), 95f));
        x += width + 15;
      }
    }
    return new TextLine(words);
  }

  private static PageText page(TextLine... lines) {
    return new PageText(2480, 3508, List.of(lines), TextOrigin.OCR);
  }

  private static List<String> texts(PageText page) {
    return page.lines().stream().map(TextLine::text).toList();
  }
}
