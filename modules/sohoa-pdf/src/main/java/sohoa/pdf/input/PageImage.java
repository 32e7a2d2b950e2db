package sohoa.pdf.input;

import java.awt.image.BufferedImage;
import sohoa.core.error.InputRejected;

/**
 * The image of one page, kept as close to the input's own bytes as possible: the PDF/A writer
 * embeds a JPEG or a G4 TIFF strip as it came, and decodes only what it must. Decoding for OCR
 * always makes a fresh image, so pages can be decoded on any thread.
 */
public sealed interface PageImage permits EncodedImage, TiffPage, RasterImage {
  /** 1-based page number within its document, for messages. */
  int page();

  int width();

  int height();

  Resolution resolution();

  /** The same page, taken to have been scanned at {@code other} (an estimate, say). */
  PageImage at(Resolution other);

  /** Decodes the page for OCR. */
  BufferedImage decode() throws InputRejected;
}
