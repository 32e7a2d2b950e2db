package sohoa.ocr;

import java.util.List;
import sohoa.core.text.Alignment;
import sohoa.core.text.PageText;
import sohoa.ocr.vietnamese.DiacriticCorrector.Correction;

/**
 * A recognised page: its text, measured on the page turned and straightened as {@code alignment}
 * says; how many of its words are Vietnamese syllables and how many of those are impossible as
 * read; and the diacritic corrections made, each with what the engine read.
 */
public record Recognition(PageText text, Alignment alignment, int syllables, int impossible,
    List<Correction> corrections) {
  public Recognition {
    corrections = List.copyOf(corrections);
  }
}
