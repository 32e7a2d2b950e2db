/** The only code that touches Tess4J: a Tesseract engine kept initialised between pages. */
@NullMarked
package sohoa.ocr.tesseract;

import org.jspecify.annotations.NullMarked;
