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
        "paper-evened", -3.39, "none", 0);

    assertEquals("giữ nguyên chiều quét (theo dòng chữ); bỏ khi đọc: mép tối/nền ngoài tờ giấy; "
        + "cân bằng nền giấy; nắn phối cảnh ảnh chụp (dòng chữ lệch nhau 3,4°)",
        PreparationText.of(photographed, Messages.forOfficers()));
  }

  @Test
  void of_scannedPage_saysNothingOfPerspective() {
    Manifest.Preparation scanned = new Manifest.Preparation(UPRIGHT, 0, 0, 0, "none",
        "as-scanned", 0, "none", 0);

    assertEquals("giữ nguyên chiều quét (theo dòng chữ)", PreparationText.of(scanned, Messages.forOfficers()));
  }

  @Test
  void of_inEnglish_tellsTheSameSteps() {
    Manifest.Preparation photographed = new Manifest.Preparation(UPRIGHT, 1, 0, 2, "removed",
        "paper-evened", -3.39, "none", 0);

    assertEquals("kept as scanned (by the text lines); erased for reading: dark edges or"
        + " background around the sheet, 2 punched holes; red seal and blue signature separated;"
        + " paper background evened; phone-photo perspective corrected (text lines 3.4° apart)",
        PreparationText.of(photographed, Messages.of(Locale.ENGLISH)));
  }

  @Test
  void of_bilevelSealedPage_countsTheMarksLeftOutOfTheText() {
    Manifest.Preparation sealed = new Manifest.Preparation(UPRIGHT, 0, 0, 0, "none",
        "bilevel-softened, as-scanned", 0, "none", 7);

    assertEquals("giữ nguyên chiều quét (theo dòng chữ); làm mịn ảnh đen trắng; bỏ 7 chữ đọc từ"
        + " dấu, chữ ký hoặc vết bẩn khỏi văn bản", PreparationText.of(sealed,
        Messages.forOfficers()));
  }
}
