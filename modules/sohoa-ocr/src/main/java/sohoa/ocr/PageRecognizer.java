package sohoa.ocr;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import sohoa.core.error.SohoaException;
import sohoa.core.text.Alignment;
import sohoa.core.text.PageText;
import sohoa.ocr.preprocess.Background;
import sohoa.ocr.preprocess.Deskew;
import sohoa.ocr.preprocess.Grayscale;
import sohoa.ocr.preprocess.LineBands;
import sohoa.ocr.preprocess.LineDirection;
import sohoa.ocr.preprocess.QuarterTurns;
import sohoa.ocr.preprocess.TextSize;
import sohoa.ocr.preprocess.Resampling;
import sohoa.ocr.preprocess.UpDown;
import sohoa.ocr.vietnamese.DiacriticCorrector;

/**
 * Reads one scanned page the way it must be read to be read well: in grey, its paper evened out,
 * turned upright, straightened, enlarged if it was scanned coarsely, recognised, its syllables
 * checked (and misread diacritics corrected, if asked). The scan itself is not changed; the
 * {@link Alignment} in the result says how the text's coordinates sit on it. Thread-safe.
 *
 * <p>Orientation is settled as cheaply as the page allows, from the page's ink alone: whether its
 * lines run across or down ({@link LineDirection}), then, once straightened, whether it stands
 * upright or upside down ({@link UpDown}). Only a page whose lines do not show goes to the engine's
 * orientation detection, which costs a fifth of a page's recognition. Should the engine still be
 * unsure of what it read, the page is read again the other way up and the surer reading kept
 * (Tesseract reads an upside-down page at a mean confidence near 40, an upright one above 90).
 */
public final class PageRecognizer {
  /** Words the engine was at least this sure of are never corrected. */
  private static final float CORRECT_BELOW = 90f;
  /** Below this mean confidence, the other way up is worth a second reading. */
  private static final float DOUBTFUL = 70f;

  private final EnginePool engines;
  private final DiacriticCorrector checker = new DiacriticCorrector(CORRECT_BELOW);
  private final boolean correct;
  private final int readingDpi;
  private final boolean keepCleaned;

  /**
   * @param config whether to correct diacritics, and the resolution to read coarse scans at
   * @param keepCleaned whether each {@link Recognition} carries the cleaned image, for archiving
   */
  public PageRecognizer(EnginePool engines, OcrConfig config, boolean keepCleaned) {
    this.engines = engines;
    this.correct = config.correctDiacritics();
    this.readingDpi = config.readingDpi();
    this.keepCleaned = keepCleaned;
  }

  /** Reads a scan whose file declares its resolution. */
  public Recognition read(BufferedImage scan, int dpi) throws SohoaException {
    return read(scan, dpi, true);
  }

  /**
   * Reads a scan.
   *
   * @param dpi the resolution its file declares, or a guess when it declares none
   * @param declared false when {@code dpi} is a guess: the resolution is then estimated from the
   *     size of the page's letters, read at that, and reported in the result
   */
  public Recognition read(BufferedImage scan, int dpi, boolean declared) throws SohoaException {
    BufferedImage grey = Grayscale.of(scan);
    BufferedImage gray = Background.flatten(grey, dpi);
    Reading reading = readTurned(gray, firstGuess(gray, dpi), dpi, declared);
    if (reading.text.meanConfidence() < DOUBTFUL) {
      Reading overturned = overturned(reading);
      if (overturned.text.meanConfidence() > reading.text.meanConfidence()) {
        reading = overturned;
      }
    }
    DiacriticCorrector.Checked checked = checker.check(reading.text);
    return new Recognition(correct ? checked.text() : reading.text, reading.alignment,
        checked.syllables(), checked.impossible(),
        correct ? checked.corrections() : List.of(),
        declared ? OptionalInt.empty() : OptionalInt.of(reading.dpi),
        readAt(reading.dpi), gray != grey,
        keepCleaned && gray != grey ? Optional.of(gray) : Optional.empty());
  }

  /** Quarter turns that make the lines run across; which way up is settled once straight. */
  private int firstGuess(BufferedImage gray, int dpi) throws SohoaException {
    return switch (LineDirection.of(gray, dpi)) {
      case ACROSS -> 0;
      case DOWN -> 1;
      case UNCLEAR -> engines.uprightTurns(gray, dpi);
    };
  }

  private Reading readTurned(BufferedImage gray, int turns, int dpi, boolean declared)
      throws SohoaException {
    BufferedImage upright = QuarterTurns.clockwise(gray, turns);
    double skew = Deskew.measure(upright, dpi);
    BufferedImage straight = Deskew.straighten(upright, skew);
    Alignment alignment = new Alignment(turns, skew);
    // One measure of the lines for both questions: a half turn changes where their ink lies
    // around the cores, not how high the cores are.
    LineBands lines = LineBands.of(straight);
    if (UpDown.of(lines) == UpDown.UPSIDE_DOWN) {
      straight = QuarterTurns.clockwise(straight, 2);
      alignment = halfTurned(alignment);
    }
    int resolution = declared ? dpi : TextSize.resolution(lines).orElse(dpi);
    return new Reading(straight, alignment, resolution, recognize(straight, resolution));
  }

  /**
   * The text of a prepared page, read enlarged to the reading resolution if it was scanned below
   * nine tenths of it, and given in the page's own pixels either way.
   */
  private PageText recognize(BufferedImage page, int dpi) throws SohoaException {
    int at = readAt(dpi);
    if (at == dpi) {
      return engines.recognize(page, dpi);
    }
    BufferedImage enlarged = Resampling.enlarge(page, (double) at / dpi);
    return engines.recognize(enlarged, at).resizedTo(page.getWidth(), page.getHeight());
  }

  /** The resolution a page scanned at {@code dpi} is read at. */
  private int readAt(int dpi) {
    return dpi < readingDpi * 0.9 ? readingDpi : dpi;
  }

  /**
   * The text read from {@code image}, the page as {@code alignment} turned and straightened it,
   * whose resolution was taken to be {@code dpi}.
   */
  private record Reading(BufferedImage image, Alignment alignment, int dpi, PageText text) {}

  /** The same page read after a half turn. */
  private Reading overturned(Reading reading) throws SohoaException {
    BufferedImage turned = QuarterTurns.clockwise(reading.image, 2);
    return new Reading(turned, halfTurned(reading.alignment), reading.dpi,
        recognize(turned, reading.dpi));
  }

  /**
   * A straightened page's alignment after a half turn. The turn leaves it straight (a line's slant
   * is the same either way up), so the skew is not measured again.
   */
  private static Alignment halfTurned(Alignment alignment) {
    return new Alignment((alignment.quarterTurns() + 2) % 4, alignment.skewDegrees());
  }
}
