/**
 * Optical character recognition: the {@link sohoa.core.ocr.OcrEngine} seam, its configuration and the
 * pool that keeps one initialised engine per worker thread.
 */
@NullMarked
package sohoa.ocr;

import org.jspecify.annotations.NullMarked;
