package sohoa.ocr;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import sohoa.core.text.Alignment;
import sohoa.core.text.PageText;
import sohoa.ocr.vietnamese.Correction;

/**
 * A recognised page: its text, measured on the page turned and straightened as {@code alignment}
 * says; how many of its words are Vietnamese syllables and how many of those are impossible as
 * read; the corrections made (a typewriter's l read as a capital, always; diacritics, when asked),
 * each with what the engine read; the scan's resolution as estimated from its letters, when its
 * file did not declare one; how the image was prepared (the resolution it was read at, whether its
 * paper was evened out, and every decision made to read it: {@link Preparation}); and, when asked
 * for and when it differs from the scan, the cleaned image (in the scan's own orientation and
 * size).
 */
public record Recognition(PageText text, Alignment alignment, int syllables, int impossible,
    List<Correction> corrections, OptionalInt estimatedDpi, int readAtDpi, boolean paperEvened,
    Preparation preparation, Optional<BufferedImage> cleaned) {
  public Recognition {
    corrections = List.copyOf(corrections);
  }
}
