package sohoa.pipeline;

import java.util.List;
import sohoa.core.text.Alignment;
import sohoa.core.text.PageText;
import sohoa.ocr.vietnamese.DiacriticCorrector.Correction;
import sohoa.pdf.input.PageImage;

/**
 * A page ready to be written: its image, how its text sits on it, its text, the syllable check
 * and the time OCR took (0 for a page with its own text).
 */
record PageResult(PageImage image, Alignment alignment, PageText text, int syllables,
    int impossible, List<Correction> corrections, long ocrMillis) {}
