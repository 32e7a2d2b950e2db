package sohoa.pipeline;

import sohoa.core.text.PageText;
import sohoa.pdf.input.PageImage;

/**
 * A page ready to be written: its image, the clockwise quarter turns that show it upright, its text
 * (in the upright image's pixels) and the time OCR took (0 for none).
 */
record PageResult(PageImage image, int quarterTurns, PageText text, long ocrMillis) {}
