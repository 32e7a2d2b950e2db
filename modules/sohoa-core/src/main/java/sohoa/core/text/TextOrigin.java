package sohoa.core.text;

/** Where a page's text came from. */
public enum TextOrigin {
  /** Recognised by the OCR engine from the page image. */
  OCR,
  /** Taken from a born-digital PDF's own text; no OCR ran. */
  EMBEDDED
}
