package sohoa.pipeline;

import java.util.EnumSet;
import java.util.Set;
import sohoa.ocr.OcrConfig;
import sohoa.pdf.input.InputLimits;

/**
 * How a digitisation run behaves.
 *
 * @param workers OCR threads, each with its own engine; also how many documents are open at once
 * @param formats the artifacts to make for each document (PDF/A always among them)
 * @param reviewBelow pages whose mean word confidence is below this are flagged for review
 * @param archiveCleaned whether a page whose paper was evened out for reading is archived as read
 *     (lossless grey) rather than as scanned
 */
public record DigitizeOptions(int workers, OcrConfig ocr, InputLimits limits,
    Set<OutputFormat> formats, float reviewBelow, boolean archiveCleaned) {
  /** A page the engine read with less confidence than this usually has errors worth a look. */
  public static final float DEFAULT_REVIEW_BELOW = 70f;

  public DigitizeOptions {
    if (workers < 1 || workers > 256) {
      throw new IllegalArgumentException("workers must be between 1 and 256, got " + workers);
    }
    if (!formats.contains(OutputFormat.PDFA)) {
      throw new IllegalArgumentException("the PDF/A is always made; formats were " + formats);
    }
    if (!(reviewBelow >= 0 && reviewBelow <= 100)) {
      throw new IllegalArgumentException("review threshold must be 0..100, got " + reviewBelow);
    }
    formats = Set.copyOf(formats);
  }

  public static DigitizeOptions defaults() {
    return new DigitizeOptions(Runtime.getRuntime().availableProcessors(), OcrConfig.vietnamese(),
        InputLimits.DEFAULT, EnumSet.of(OutputFormat.PDFA, OutputFormat.TXT, OutputFormat.ALTO),
        DEFAULT_REVIEW_BELOW, false);
  }
}
