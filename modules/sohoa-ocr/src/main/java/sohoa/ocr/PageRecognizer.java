package sohoa.ocr;

import java.awt.image.BufferedImage;
import sohoa.core.error.SohoaException;
import sohoa.core.text.Alignment;
import sohoa.core.text.PageText;
import sohoa.ocr.preprocess.Deskew;
import sohoa.ocr.preprocess.Grayscale;
import sohoa.ocr.preprocess.QuarterTurns;

/**
 * Reads one scanned page the way it must be read to be read well: in grey, turned upright,
 * straightened, then recognised. The scan itself is not changed; the {@link Alignment} in the
 * result says how the text's coordinates sit on it. Thread-safe.
 */
public final class PageRecognizer {
  private final EnginePool engines;

  public PageRecognizer(EnginePool engines) {
    this.engines = engines;
  }

  public Recognition read(BufferedImage scan, int dpi) throws SohoaException {
    BufferedImage gray = Grayscale.of(scan);
    int turns = engines.uprightTurns(gray, dpi);
    BufferedImage upright = QuarterTurns.clockwise(gray, turns);
    double skew = Deskew.measure(upright, dpi);
    PageText text = engines.recognize(Deskew.straighten(upright, skew), dpi);
    return new Recognition(text, new Alignment(turns, skew));
  }
}
