package sohoa.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sohoa.core.text.Box;
import sohoa.core.text.PageText;
import sohoa.core.text.TextLine;
import sohoa.core.text.TextOrigin;
import sohoa.core.text.Word;

/**
 * Words with the confidences Tesseract gave them on bilevel scans of old records whose black seal
 * covers the left of the signer block.
 */
class StrayMarksTest {
  @Test
  void sealsMarksInTheSignerBlock_areLeftOut_thePrintBesideThemKept() {
    PageText page = page(
        line("Nơi", 97, "nhận:", 97),
        line("._TM.", 12, "ỦY", 96, "BAN", 96, "NHÂN", 93, "DÂN", 92),
        line("P", 72, "ó£", 22, "Ssesiv7'+CHỦ", 0, "TỊCH", 90),
        line("-", 92, "Lưu:", 93, "VT.", 93),
        line("@®", 30, "àà", 0, "VÕ", 24),
        line("~„", 0),
        line("Sïš¿", 0, "Hoàng", 97, "Văn", 97, "Thành", 97));

    StrayMarks.Cleared cleared = StrayMarks.of(page);

    // Kept: words in a line of five; "P", a letter beside others; a word with a digit; "@®" at 30.
    assertEquals(List.of("Nơi nhận:", "._TM. ỦY BAN NHÂN DÂN", "P Ssesiv7'+CHỦ TỊCH",
        "- Lưu: VT.", "@®", "Hoàng Văn Thành"), texts(cleared.text()));
    assertEquals(5, cleared.words());
  }

  @Test
  void aSealsRingLetters_readOneByOneAsLinesOfTheirOwn_areLeftOut_whateverTheirConfidence() {
    PageText page = page(line("T", 81), line("h", 66), line("M", 92), line("K", 85),
        line("N", 90), line("rịnh", 93, "Thị", 96, "Thủy", 97));

    assertEquals(List.of("rịnh Thị Thủy"), texts(StrayMarks.of(page).text()));
  }

  @Test
  void unsureWordsInALongLine_areKept_asMostlyRightMisreadings() {
    PageText page = page(line("dữ", 97, "liệu", 96, "lữ", 0, "Ltiệ.›", 14, "kết", 95, "nối,",
        96, "chia", 97, "sẻ", 96));

    StrayMarks.Cleared cleared = StrayMarks.of(page);

    assertSame(page, cleared.text());
    assertEquals(0, cleared.words());
  }

  @Test
  void numbersDatesAndAbbreviations_areKept_thoughTesseractIsUnsureOfThem() {
    PageText page = page(line("Số:", 95, "384/TTr-PNV", 28), line("1/B/TT5TTTT", 20),
        line("-", 93, "Lưu:", 95, "VTE", 24), line("ngày", 96, "14/3/2001", 12),
        line("UBND", 21));

    assertEquals(0, StrayMarks.of(page).words());
  }

  @Test
  void aListLabelOrAPageNumber_aloneOnItsLine_isKept() {
    PageText page = page(line("a)", 90), line("2", 95), line("III.", 96));

    assertEquals(0, StrayMarks.of(page).words());
  }

  private static PageText page(TextLine... lines) {
    return new PageText(2480, 3508, List.of(lines), TextOrigin.OCR);
  }

  /** A line of words 100 px wide, from pairs of text and confidence (where does not matter). */
  private static TextLine line(Object... textsAndConfidences) {
    List<Word> words = new ArrayList<>();
    int top = 100;
    for (int i = 0; i < textsAndConfidences.length; i += 2) {
      int left = 300 + 120 * (i / 2);
      words.add(new Word((String) textsAndConfidences[i], new Box(left, top, left + 100, top + 40),
          ((Integer) textsAndConfidences[i + 1]).floatValue()));
    }
    return new TextLine(words);
  }

  private static List<String> texts(PageText page) {
    return page.lines().stream().map(TextLine::text).toList();
  }
}
