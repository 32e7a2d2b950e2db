/**
 * Vietnamese text after OCR: which syllables the language can have (âm tiết: onset, rhyme, tone),
 * and careful correction of diacritics the engine misread.
 */
@NullMarked
package sohoa.ocr.vietnamese;

import org.jspecify.annotations.NullMarked;
