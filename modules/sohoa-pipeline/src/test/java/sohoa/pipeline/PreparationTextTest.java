package sohoa.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PreparationTextTest {
  private static final Manifest.OrientationEntry UPRIGHT =
      new Manifest.OrientationEntry(0, "lines", "across", 95f, null, false);

  @Test
  void of_photographedPage_tellsTheOfficerEveryStepInVietnamese() {
    Manifest.Preparation photographed = new Manifest.Preparation(UPRIGHT, 1, 0, 0, "none",
        "paper-evened", -3.39, "none");

    assertEquals("giữ nguyên chiều quét (theo dòng chữ); bỏ khi đọc: mép tối/nền ngoài tờ giấy; "
        + "cân bằng nền giấy; nắn phối cảnh ảnh chụp (dòng chữ lệch nhau 3,4°)",
        PreparationText.of(photographed));
  }

  @Test
  void of_scannedPage_saysNothingOfPerspective() {
    Manifest.Preparation scanned = new Manifest.Preparation(UPRIGHT, 0, 0, 0, "none",
        "as-scanned", 0, "none");

    assertEquals("giữ nguyên chiều quét (theo dòng chữ)", PreparationText.of(scanned));
  }
}
