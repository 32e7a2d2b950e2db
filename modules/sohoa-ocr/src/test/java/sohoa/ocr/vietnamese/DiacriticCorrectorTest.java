package sohoa.ocr.vietnamese;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import sohoa.core.text.Box;
import sohoa.core.text.PageText;
import sohoa.core.text.TextLine;
import sohoa.core.text.TextOrigin;
import sohoa.core.text.Word;

class DiacriticCorrectorTest {
  private final DiacriticCorrector corrector = new DiacriticCorrector(90f);

  @ParameterizedTest(name = "{0} is a Vietnamese syllable")
  @ValueSource(strings = {"Quyết", "định", "QUYẾT", "ĐỊNH", "nghị", "người", "nước", "trưởng",
      "Ủy", "của", "giữ", "gìn", "gì", "già", "ghế", "kết", "kỹ", "quốc", "quý", "quyển",
      "khuya", "thuở", "khuỷu", "huyện", "tuyệt", "chuyển", "khuếch", "hoạch", "ngoằn", "xoong",
      "rượu", "ạ", "ý", "yêu", "yến", "theo", "kéo", "chịu", "ngửi", "leng", "kênh", "thuế",
      "luật", "tuần", "hóa", "hoá", "khỏe", "khoẻ", "Thanh", "Hóa,", "(số", "2023;"})
  void isPossible_realSyllables(String word) {
    assertTrue(DiacriticCorrector.isPossible(word), word);
  }

  @ParameterizedTest(name = "{0} is not")
  @ValueSource(strings = {"quyêt̉", "mổc", "hảt", "kan", "ce", "nge", "ghơ", "ngưòi", "tuơng",
      "huyênh", "thuớc", "hă", "nguôc̃"})
  void isPossible_impossibleSyllables(String word) {
    assertFalse(DiacriticCorrector.isPossible(word), word);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"ngưòi,người", "Ngưòi,Người", "hă,ha", "MÂ,MA", "(ngưòi),(người)"})
  void check_uniqueNeighbour_isCorrectedWhenTheEngineWasUnsure(String read, String expected) {
    DiacriticCorrector.Checked checked = corrector.check(page(read, 60f));

    assertEquals(expected, checked.text().plainText());
    assertEquals(List.of(new Correction(read, expected, 60f)),
        checked.corrections());
  }

  @ParameterizedTest(name = "{0} has two readings")
  @ValueSource(strings = {"mổc", "thuớc", "QUYÊT", "tuơng"})
  void check_syllableWithTwoPossibleReadings_isLeftAsRead(String read) {
    DiacriticCorrector.Checked checked = corrector.check(page(read, 40f));

    assertEquals(read, checked.text().plainText());
    assertTrue(checked.corrections().isEmpty());
  }

  @Test
  void check_ambiguousSyllable_isLeftAsRead() {
    // "mổc": a stop-final syllable takes sắc or nặng, and both "mốc" and "mộc" are words.
    DiacriticCorrector.Checked checked = corrector.check(page("mổc", 40f));

    assertEquals("mổc", checked.text().plainText());
    assertEquals(1, checked.impossible());
    assertTrue(checked.corrections().isEmpty());
  }

  @Test
  void check_confidentWord_isNeverChanged() {
    assertEquals("thuớc", corrector.check(page("thuớc", 95f)).text().plainText());
  }

  @Test
  void check_validWordsAndCodes_areNeverChanged() {
    String text = "Số: 125/QĐ-UBND ngày 08 tháng 10 năm 2023 về việc thành lập Tổ công tác";
    DiacriticCorrector.Checked checked = corrector.check(page(text, 10f));

    assertEquals(text, checked.text().plainText());
    assertEquals(0, checked.impossible());
  }

  private static PageText page(String text, float confidence) {
    List<Word> words = new ArrayList<>();
    int x = 0;
    for (String w : text.split(" ")) {
      words.add(new Word(w, new Box(x, 0, x + 50, 20), confidence));
      x += 60;
    }
    return new PageText(2000, 100, List.of(new TextLine(words)), TextOrigin.OCR);
  }
}
