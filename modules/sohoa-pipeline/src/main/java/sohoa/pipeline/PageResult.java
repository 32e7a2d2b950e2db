package sohoa.pipeline;

import java.util.List;
import java.util.Optional;
import sohoa.core.text.Alignment;
import sohoa.core.text.PageText;
import sohoa.core.text.TextOrigin;
import sohoa.ocr.Preparation;
import sohoa.ocr.vietnamese.Correction;
import sohoa.pdf.input.EncodedImage;
import sohoa.pdf.input.PageImage;
import sohoa.pdf.input.TiffPage;

/**
 * A page ready to be written: its image (the scan, or the cleaned image when {@code cleaned}), how
 * its text sits on it, its text, how it was prepared for reading (none for a page with its own
 * text), the syllable check and the time OCR took (0 for a page with its own text).
 */
record PageResult(PageImage image, boolean cleaned, Alignment alignment, PageText text,
    boolean dpiEstimated, int readAtDpi, boolean paperEvened, int syllables, int impossible,
    List<Correction> corrections, Optional<Preparation> preparation, long ocrMillis) {

  /** A born-digital page: its own text, nothing read. */
  static PageResult ownText(PageImage image, PageText text) {
    return new PageResult(image, false, Alignment.NONE, text, false, 0, false, 0, 0, List.of(),
        Optional.empty(), 0);
  }

  /** The page's manifest entry; a page read below {@code reviewBelow} is flagged for review. */
  Manifest.PageEntry entry(float reviewBelow) {
    String embedding = cleaned ? "cleaned"
        : image instanceof EncodedImage encoded ? encoded.format().name().toLowerCase()
        : image instanceof TiffPage ? "tiff" : "lossless";
    return new Manifest.PageEntry(image.page(), image.width(), image.height(),
        image.resolution().x(), image.resolution().y(), image.resolution().assumed(),
        dpiEstimated, embedding, readAtDpi, paperEvened,
        alignment.quarterTurns() * 90, alignment.skewDegrees(),
        text.origin().name().toLowerCase(), text.words().size(), text.meanConfidence(),
        needsReview(reviewBelow), syllables, impossible, corrections.stream()
            .map(c -> new Manifest.Correction(c.read(), c.corrected(), c.confidence())).toList(),
        preparation.map(Manifest.Preparation::of).orElse(null), ocrMillis);
  }

  /**
   * A recognised page with text read below the threshold, or whose orientation the evidence left
   * in doubt (it was kept as scanned: someone should look); a page with no words has nothing to
   * check.
   */
  private boolean needsReview(float reviewBelow) {
    boolean unsure = preparation.map(p -> p.orientation().unsure()).orElse(false);
    return text.origin() == TextOrigin.OCR && (unsure
        || !text.lines().isEmpty() && text.meanConfidence() < reviewBelow);
  }
}
