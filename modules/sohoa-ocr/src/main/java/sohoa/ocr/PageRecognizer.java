package sohoa.ocr;

import java.awt.image.BufferedImage;
import java.util.List;
import sohoa.core.error.SohoaException;
import sohoa.core.text.Alignment;
import sohoa.core.text.PageText;
import sohoa.ocr.preprocess.Deskew;
import sohoa.ocr.preprocess.Grayscale;
import sohoa.ocr.preprocess.QuarterTurns;
import sohoa.ocr.vietnamese.DiacriticCorrector;

/**
 * Reads one scanned page the way it must be read to be read well: in grey, turned upright,
 * straightened, recognised, its syllables checked (and misread diacritics corrected, if asked). The scan itself is not changed; the {@link Alignment} in the
 * result says how the text's coordinates sit on it. Thread-safe.
 */
public final class PageRecognizer {
  /** Words the engine was at least this sure of are never corrected. */
  private static final float CORRECT_BELOW = 90f;

  private final EnginePool engines;
  private final DiacriticCorrector checker = new DiacriticCorrector(CORRECT_BELOW);
  private final boolean correct;

  public PageRecognizer(EnginePool engines, boolean correctDiacritics) {
    this.engines = engines;
    this.correct = correctDiacritics;
  }

  public Recognition read(BufferedImage scan, int dpi) throws SohoaException {
    BufferedImage gray = Grayscale.of(scan);
    int turns = engines.uprightTurns(gray, dpi);
    BufferedImage upright = QuarterTurns.clockwise(gray, turns);
    double skew = Deskew.measure(upright, dpi);
    PageText text = engines.recognize(Deskew.straighten(upright, skew), dpi);
    DiacriticCorrector.Checked checked = checker.check(text);
    return new Recognition(correct ? checked.text() : text, new Alignment(turns, skew),
        checked.syllables(), checked.impossible(),
        correct ? checked.corrections() : List.of());
  }
}
