package sohoa.pipeline;

import java.util.List;
import java.util.Optional;
import sohoa.core.text.Alignment;
import sohoa.core.text.PageText;
import sohoa.ocr.Preparation;
import sohoa.ocr.vietnamese.DiacriticCorrector.Correction;
import sohoa.pdf.input.PageImage;

/**
 * A page ready to be written: its image (the scan, or the cleaned image when {@code cleaned}), how
 * its text sits on it, its text, how it was prepared for reading (none for a page with its own
 * text), the syllable check and the time OCR took (0 for a page with its own text).
 */
record PageResult(PageImage image, boolean cleaned, Alignment alignment, PageText text,
    boolean dpiEstimated, int readAtDpi, boolean paperEvened, int syllables, int impossible,
    List<Correction> corrections, Optional<Preparation> preparation, long ocrMillis) {}
