package sohoa.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import sohoa.core.i18n.Messages;

class PreparationTextTest {
  private static final Manifest.OrientationEntry UPRIGHT =
      new Manifest.OrientationEntry(0, "lines", "across", 95f, null, false);

  @Test
  void of_photographedPage_tellsTheOfficerEveryStepInVietnamese() {
    Manifest.Preparation photographed = new Manifest.Preparation(UPRIGHT, 1, 0, 0, "none",
        "paper-evened", -3.39, "none", 0, false, 0);

    assertEquals("giữ nguyên chiều quét (theo dòng chữ); bỏ khi đọc: mép tối/nền ngoài tờ giấy; "
        + "cân bằng nền giấy; nắn phối cảnh ảnh chụp (dòng chữ lệch nhau 3,4°)",
        PreparationText.of(photographed, Messages.forOfficers()));
  }

  @Test
  void of_scannedPage_saysNothingOfPerspective() {
    Manifest.Preparation scanned = new Manifest.Preparation(UPRIGHT, 0, 0, 0, "none",
        "as-scanned", 0, "none", 0, false, 0);

    assertEquals("giữ nguyên chiều quét (theo dòng chữ)", PreparationText.of(scanned, Messages.forOfficers()));
  }

  @Test
  void of_inEnglish_tellsTheSameSteps() {
    Manifest.Preparation photographed = new Manifest.Preparation(UPRIGHT, 1, 0, 2, "removed",
        "paper-evened", -3.39, "none", 0, false, 0);

    assertEquals("kept as scanned (by the text lines); erased for reading: dark edges or"
        + " background around the sheet, 2 punched holes; red seal and blue signature separated;"
        + " paper background evened; phone-photo perspective corrected (text lines 3.4° apart)",
        PreparationText.of(photographed, Messages.of(Locale.ENGLISH)));
  }

  @Test
  void of_bilevelSealedPage_countsTheMarksLeftOutOfTheText() {
    Manifest.Preparation sealed = new Manifest.Preparation(UPRIGHT, 0, 0, 0, "none",
        "bilevel-softened, as-scanned", 0, "none", 7, false, 0);

    assertEquals("giữ nguyên chiều quét (theo dòng chữ); làm mịn ảnh đen trắng; bỏ 7 chữ đọc từ"
        + " dấu, chữ ký hoặc vết bẩn khỏi văn bản", PreparationText.of(sealed,
        Messages.forOfficers()));
  }

  @Test
  void of_typewrittenPage_saysSo_andCountsTheLsGivenBack() {
    Manifest.Preparation typed = new Manifest.Preparation(UPRIGHT, 0, 0, 0, "none",
        "as-scanned", 0, "none", 0, true, 4);

    assertEquals("giữ nguyên chiều quét (theo dòng chữ); chữ đánh máy (các chữ cùng bề rộng); sửa"
        + " 4 chữ l đánh máy bị đọc thành chữ L hoa", PreparationText.of(typed,
        Messages.forOfficers()));
    assertEquals("kept as scanned (by the text lines); typewritten (letters of one width); 4"
        + " typewritten small l read as a capital L given as the l", PreparationText.of(typed,
        Messages.of(Locale.ENGLISH)));
  }
}
