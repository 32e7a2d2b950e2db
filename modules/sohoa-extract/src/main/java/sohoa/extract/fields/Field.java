package sohoa.extract.fields;

import java.util.Optional;
import sohoa.core.text.Box;

/**
 * One field read off a document: its value (NFC; dates ISO), how sure the reading is (0 to 1:
 * the engine's confidence in the words, lowered where OCR noise had to be repaired), and where it
 * was printed: the 1-based page and the box in that page's text coordinates, if known.
 */
public record Field(FieldName name, String value, double confidence, int page, Optional<Box> box) {
  /** Below this a field is reported as unsure: shown for review, never trusted silently. */
  public static final double SURE = 0.6;

  public Field {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("field " + name.key() + " needs a value");
    }
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be within 0..1, got " + confidence);
    }
    if (page < 1) {
      throw new IllegalArgumentException("pages are numbered from 1, got " + page);
    }
    value = value.strip();
  }

  public boolean unsure() {
    return confidence < SURE;
  }
}
