package sohoa.pdf.input;

import java.util.Optional;
import sohoa.core.text.PageText;

/**
 * A page as read from the input: its image and, for a born-digital PDF page, its own text in the
 * image's pixel coordinates (such a page is not OCR'd).
 */
public record SourcePage(PageImage image, Optional<PageText> embeddedText) {
  public int number() {
    return image.page();
  }
}
