package sohoa.pipeline;

import sohoa.ocr.OcrConfig;
import sohoa.pdf.input.InputLimits;

/**
 * How a digitisation run behaves.
 *
 * @param workers OCR threads, each with its own engine; also how many documents are open at once
 */
public record DigitizeOptions(int workers, OcrConfig ocr, InputLimits limits) {
  public DigitizeOptions {
    if (workers < 1 || workers > 256) {
      throw new IllegalArgumentException("workers must be between 1 and 256, got " + workers);
    }
  }

  public static DigitizeOptions defaults() {
    return new DigitizeOptions(Runtime.getRuntime().availableProcessors(), OcrConfig.vietnamese(),
        InputLimits.DEFAULT);
  }
}
