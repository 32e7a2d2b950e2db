package sohoa.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FoldingTest {

  @ParameterizedTest(name = "{0} folds to {1}")
  @CsvSource({
      "Quyết định số 123, quyet dinh so 123",
      "ĐỘC LẬP - TỰ DO - HẠNH PHÚC, doc lap - tu do - hanh phuc",
      "Ủy ban nhân dân tỉnh Thanh Hóa, uy ban nhan dan tinh thanh hoa",
      "Nguyễn Thị Ngọc Ánh, nguyen thi ngoc anh",
      "V/v đẩy mạnh, v/v day manh"})
  void fold_removesMarksAndCase(String text, String folded) {
    assertEquals(folded, Folding.fold(text));
  }

  @Test
  void fold_decomposedInput_keepsTheLengthOfItsNfcForm() {
    String decomposed = Normalizer.normalize("Hoằng Hóa", Normalizer.Form.NFD);

    assertEquals("hoang hoa", Folding.fold(decomposed));
    assertEquals(Normalizer.normalize(decomposed, Normalizer.Form.NFC).length(),
        Folding.fold(decomposed).length());
  }
}
