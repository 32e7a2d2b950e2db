package sohoa.ocr.format;

import sohoa.core.text.Alignment;
import sohoa.core.text.Box;
import sohoa.core.text.PageText;

/**
 * One page for an exchange format: its text, how that text sits on the scan, and the scan's size.
 */
public record OcrPage(int number, PageText text, Alignment alignment) {
  /** The scan's width in pixels (the upright page's, turned back). */
  public int scanWidth() {
    return alignment.quarterTurns() % 2 == 0 ? text.width() : text.height();
  }

  public int scanHeight() {
    return alignment.quarterTurns() % 2 == 0 ? text.height() : text.width();
  }

  Box onScan(Box box) {
    return alignment.toScan(box, text.width(), text.height());
  }
}
