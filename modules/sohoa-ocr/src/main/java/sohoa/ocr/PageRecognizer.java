package sohoa.ocr;

import java.awt.image.BufferedImage;
import java.util.List;
import sohoa.core.error.SohoaException;
import sohoa.core.text.Alignment;
import sohoa.core.text.PageText;
import sohoa.ocr.preprocess.Deskew;
import sohoa.ocr.preprocess.Grayscale;
import sohoa.ocr.preprocess.LineDirection;
import sohoa.ocr.preprocess.QuarterTurns;
import sohoa.ocr.vietnamese.DiacriticCorrector;

/**
 * Reads one scanned page the way it must be read to be read well: in grey, turned upright,
 * straightened, recognised, its syllables checked (and misread diacritics corrected, if asked).
 * The scan itself is not changed; the {@link Alignment} in the result says how the text's
 * coordinates sit on it. Thread-safe.
 *
 * <p>Orientation is settled as cheaply as the page allows. A page whose lines run across is read
 * as it lies; only if the engine is unsure of what it read is it read again upside down, and the
 * surer reading kept (Tesseract reads an upside-down page at a mean confidence near 40, an
 * upright one above 90). Only a page on its side, or one whose lines do not show, goes to the
 * engine's orientation detection, which costs a fifth of a page's recognition.
 */
public final class PageRecognizer {
  /** Words the engine was at least this sure of are never corrected. */
  private static final float CORRECT_BELOW = 90f;
  /** Below this mean confidence, the other way up is worth a second reading. */
  private static final float DOUBTFUL = 70f;

  private final EnginePool engines;
  private final DiacriticCorrector checker = new DiacriticCorrector(CORRECT_BELOW);
  private final boolean correct;

  public PageRecognizer(EnginePool engines, boolean correctDiacritics) {
    this.engines = engines;
    this.correct = correctDiacritics;
  }

  public Recognition read(BufferedImage scan, int dpi) throws SohoaException {
    BufferedImage gray = Grayscale.of(scan);
    Reading reading = readTurned(gray, firstGuess(gray, dpi), dpi);
    if (reading.text.meanConfidence() < DOUBTFUL) {
      Reading overturned = reading.overturned(engines, dpi);
      if (overturned.text.meanConfidence() > reading.text.meanConfidence()) {
        reading = overturned;
      }
    }
    DiacriticCorrector.Checked checked = checker.check(reading.text);
    return new Recognition(correct ? checked.text() : reading.text, reading.alignment,
        checked.syllables(), checked.impossible(),
        correct ? checked.corrections() : List.of());
  }

  /** Quarter turns to try first; a wrong half turn is put right by {@link #read}'s second look. */
  private int firstGuess(BufferedImage gray, int dpi) throws SohoaException {
    return switch (LineDirection.of(gray, dpi)) {
      case ACROSS -> 0;
      case DOWN -> {
        // The profiles are surer than the detector that the page lies on its side.
        int turns = engines.uprightTurns(gray, dpi);
        yield turns % 2 == 1 ? turns : 1;
      }
      case UNCLEAR -> engines.uprightTurns(gray, dpi);
    };
  }

  private Reading readTurned(BufferedImage gray, int turns, int dpi) throws SohoaException {
    BufferedImage upright = QuarterTurns.clockwise(gray, turns);
    double skew = Deskew.measure(upright, dpi);
    BufferedImage straight = Deskew.straighten(upright, skew);
    return new Reading(straight, new Alignment(turns, skew), engines.recognize(straight, dpi));
  }

  /** The text read from {@code image}, the page as {@code alignment} turned and straightened it. */
  private record Reading(BufferedImage image, Alignment alignment, PageText text) {
    /**
     * The same page read after a half turn. Turning a straightened page by half a turn leaves it
     * straight (a line's slant is the same either way up), so the skew is not measured again.
     */
    Reading overturned(EnginePool engines, int dpi) throws SohoaException {
      BufferedImage turned = QuarterTurns.clockwise(image, 2);
      return new Reading(turned,
          new Alignment((alignment.quarterTurns() + 2) % 4, alignment.skewDegrees()),
          engines.recognize(turned, dpi));
    }
  }
}
