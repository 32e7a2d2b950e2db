package sohoa.core.text;

import java.text.Normalizer;

/**
 * One recognised word: its text (always NFC, never blank), its box on the page image and the
 * engine's confidence from 0 to 100 (100 for text taken from a born-digital PDF).
 */
public record Word(String text, Box box, float confidence) {
  public Word {
    if (text.isBlank()) {
      throw new IllegalArgumentException("a word needs text; got a blank one at " + box);
    }
    if (!(confidence >= 0 && confidence <= 100)) {
      throw new IllegalArgumentException("confidence must be within 0..100, got " + confidence);
    }
    text = Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
  }
}
