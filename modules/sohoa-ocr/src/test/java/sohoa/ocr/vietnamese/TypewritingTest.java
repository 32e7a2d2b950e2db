package sohoa.ocr.vietnamese;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import sohoa.core.text.Box;
import sohoa.core.text.PageText;
import sohoa.core.text.TextLine;
import sohoa.core.text.TextOrigin;
import sohoa.core.text.Word;
import sohoa.testkit.fixtures.Fonts;

/**
 * Pages as Tesseract gives a typewritten decision: the words it read, each in a box as wide as
 * its ink is when set in a typewriter's face (Liberation Mono) or a printed one (Liberation Serif,
 * Times' widths).
 */
class TypewritingTest {
  /** As read: a typewriter's l given as a capital L here and there, as on ocr-dev-hard. */
  private static final List<String> READ = List.of(
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc Lập - Tự do - Hạnh phúc",
      "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
      "Ủy ban nhân dân huyện thành Lập đoàn kiểm tra, thu thập dữ Liệu về",
      "Là cơ sở xây dựng kế hoạch chuyển đổi số của tỉnh Lạng Sơn. Lập báo cáo",
      "gửi bà Nguyễn Thị Lan trước ngày mười lăm tháng sau, tỷ Lệ hoàn thành",
      "phải đạt trên chín mươi phần trăm, thông tin được cập nhật thường xuyên.");

  @Test
  void typewrittenPage_itsLReadAsACapitalMidSentence_isTheSmallL_namesAndSentencesKeepTheirs() {
    PageText page = page(READ, Fonts.typewriter());

    Typewriting.Lowered lowered = Typewriting.of(page);

    assertTrue(lowered.typewritten());
    assertEquals(List.of(
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        "Ủy ban nhân dân huyện thành lập đoàn kiểm tra, thu thập dữ liệu về",
        "là cơ sở xây dựng kế hoạch chuyển đổi số của tỉnh Lạng Sơn. Lập báo cáo",
        "gửi bà Nguyễn Thị Lan trước ngày mười lăm tháng sau, tỷ lệ hoàn thành",
        "phải đạt trên chín mươi phần trăm, thông tin được cập nhật thường xuyên."),
        texts(lowered.text()));
    assertEquals(List.of(new Correction("Lập", "lập", 95f), new Correction("Lập", "lập", 95f),
        new Correction("Liệu", "liệu", 95f), new Correction("Là", "là", 95f),
        new Correction("Lệ", "lệ", 95f)), lowered.corrections());
  }

  @Test
  void printedPage_inAProportionalFace_isLeftAlone() {
    PageText page = page(READ, Fonts.serif());

    Typewriting.Lowered lowered = Typewriting.of(page);

    assertFalse(lowered.typewritten());
    assertSame(page, lowered.text());
    assertEquals(List.of(), lowered.corrections());
  }

  @Test
  void pageOfTooFewWordsToMeasure_isNotJudgedTypewritten() {
    PageText page = page(READ.subList(0, 3), Fonts.typewriter());

    Typewriting.Lowered lowered = Typewriting.of(page);

    assertFalse(lowered.typewritten());
    assertSame(page, lowered.text());
  }

  /** Each line's words set in a row, each box as wide as its ink in {@code face} at 50 pixels. */
  private static PageText page(List<String> lines, Fonts face) {
    Font font = face.regular().deriveFont(50f);
    FontRenderContext context = new FontRenderContext(null, true, true);
    List<TextLine> set = new ArrayList<>();
    int top = 100;
    for (String line : lines) {
      List<Word> words = new ArrayList<>();
      int left = 100;
      for (String text : line.split(" ")) {
        int width = (int) Math.round(font.createGlyphVector(context, text).getVisualBounds()
            .getWidth());
        words.add(new Word(text, new Box(left, top, left + width, top + 50), 95f));
        left += width + 40;
      }
      set.add(new TextLine(words));
      top += 80;
    }
    return new PageText(5000, 2000, set, TextOrigin.OCR);
  }

  private static List<String> texts(PageText page) {
    return page.lines().stream().map(l -> l.words().stream().map(Word::text)
        .collect(Collectors.joining(" "))).toList();
  }
}
