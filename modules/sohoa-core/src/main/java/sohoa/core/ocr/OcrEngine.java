package sohoa.core.ocr;

import java.awt.image.BufferedImage;
import sohoa.core.error.SohoaException;
import sohoa.core.text.PageText;

/**
 * Recognises the text of one page image. An engine is not thread-safe: one thread uses it at a time
 * (the OCR module's engine pool sees to that). It holds native resources until {@link #close()}.
 */
public interface OcrEngine extends AutoCloseable {

  /**
   * Reads the words on a page, with their boxes in the image's pixels and their confidences.
   *
   * @param page the page image, any type; it is not modified
   * @param dpi the scan resolution, which the engine uses to judge text size
   * @return the page text; a blank page gives a PageText with no lines, never null
   */
  PageText recognize(BufferedImage page, int dpi) throws SohoaException;

  /**
   * How many clockwise quarter turns make the page upright, judged from the shape of its text
   * (Tesseract's orientation detection). 0 when the page is upright or the engine is unsure: a
   * wrong turn would ruin a good page, so doubt means no turn.
   */
  int uprightTurns(BufferedImage page, int dpi) throws SohoaException;

  /** Name and version for the manifest, e.g. {@code tesseract 5.3.0 (vie)}. */
  String description();

  @Override
  void close();
}
