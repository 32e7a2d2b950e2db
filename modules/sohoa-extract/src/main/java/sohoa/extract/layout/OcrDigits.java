package sohoa.extract.layout;

/** Digits as OCR misreads them: O for 0, and I, l or | for 1, inside a number. */
public final class OcrDigits {
  private OcrDigits() {}

  /** The number with look-alike letters turned back into digits. */
  public static String repair(String raw) {
    return raw.replace('O', '0').replace('o', '0').replace('I', '1').replace('i', '1')
        .replace('l', '1').replace('|', '1');
  }
}
