package sohoa.core.text;

import java.text.Normalizer;

/**
 * Vietnamese text folded for searching and matching: tone marks and diacritics removed, đ to d,
 * lower case, so that {@code quyet dinh} finds {@code Quyết định} and OCR that dropped a mark
 * still matches. Folding keeps the length of NFC text, character for character, so a position
 * found in the folded text is the same position in the original.
 */
public final class Folding {
  private Folding() {}

  /** The folded form of {@code text}; as long as its NFC form. */
  public static String fold(String text) {
    String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
    StringBuilder folded = new StringBuilder(nfc.length());
    for (int i = 0; i < nfc.length(); i++) {
      folded.append(fold(nfc.charAt(i)));
    }
    return folded.toString();
  }

  /** One character folded: its base letter, lower case. */
  public static char fold(char c) {
    if (c < 0x80) {
      return Character.toLowerCase(c);
    }
    if (c == 'đ' || c == 'Đ') {
      return 'd';
    }
    String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
    return Character.toLowerCase(decomposed.charAt(0));
  }
}
