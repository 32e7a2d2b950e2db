/** Preparing page images for OCR: turning them upright (later: deskew, normalisation). */
@NullMarked
package sohoa.ocr.preprocess;

import org.jspecify.annotations.NullMarked;
