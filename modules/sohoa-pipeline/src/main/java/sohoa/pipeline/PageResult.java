package sohoa.pipeline;

import sohoa.core.text.Alignment;
import sohoa.core.text.PageText;
import sohoa.pdf.input.PageImage;

/**
 * A page ready to be written: its image, how its text sits on it, its text and the time OCR took
 * (0 for none).
 */
record PageResult(PageImage image, Alignment alignment, PageText text, long ocrMillis) {}
