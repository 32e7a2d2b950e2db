/**
 * OCR results in the exchange formats archives and viewers read: hOCR and ALTO, with every box in
 * the original scan's pixels.
 */
@NullMarked
package sohoa.ocr.format;

import org.jspecify.annotations.NullMarked;
