package sohoa.ocr.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sohoa.testkit.fixtures.Fixtures;
import sohoa.testkit.fixtures.ScanDefects;

class TextSizeTest {

  @ParameterizedTest(name = "{0} dpi")
  @ValueSource(ints = {150, 200, 300, 400})
  void resolution_pageOfBodyText_isTheResolutionItWasScannedAt(int dpi) {
    BufferedImage page = Fixtures.render(Fixtures.NOTICE, dpi, ScanDefects.NONE).pages().get(0);

    assertEquals(OptionalInt.of(dpi), TextSize.resolution(LineBands.of(page)));
  }

  @Test
  void resolution_blankPage_isUnknown() {
    BufferedImage blank = new BufferedImage(1700, 2300, BufferedImage.TYPE_BYTE_GRAY);
    blank.getGraphics().fillRect(0, 0, 1700, 2300);

    assertEquals(OptionalInt.empty(), TextSize.resolution(LineBands.of(blank)));
  }
}
