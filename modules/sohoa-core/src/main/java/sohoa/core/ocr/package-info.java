/**
 * What an OCR engine is, apart from any engine: the OCR module's Tesseract engine implements it,
 * and so can a test's scripted engine, without depending on Tesseract.
 */
package sohoa.core.ocr;
