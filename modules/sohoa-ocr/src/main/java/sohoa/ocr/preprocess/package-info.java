/**
 * Preparing page images for OCR: turning them upright, straightening them, evening out their
 * paper and enlarging low-resolution scans.
 */
@NullMarked
package sohoa.ocr.preprocess;

import org.jspecify.annotations.NullMarked;
