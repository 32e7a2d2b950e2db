package sohoa.ocr;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import sohoa.core.error.SohoaException;
import sohoa.core.text.Alignment;
import sohoa.core.text.PageText;
import sohoa.ocr.preprocess.Background;
import sohoa.ocr.preprocess.Bilevel;
import sohoa.ocr.preprocess.ColourInk;
import sohoa.ocr.preprocess.Deskew;
import sohoa.ocr.preprocess.Keystone;
import sohoa.ocr.preprocess.LineBands;
import sohoa.ocr.preprocess.LineDirection;
import sohoa.ocr.preprocess.Paper;
import sohoa.ocr.preprocess.QuarterTurns;
import sohoa.ocr.preprocess.TextSize;
import sohoa.ocr.preprocess.Resampling;
import sohoa.ocr.preprocess.UpDown;
import sohoa.ocr.vietnamese.Correction;
import sohoa.ocr.vietnamese.DiacriticCorrector;
import sohoa.ocr.vietnamese.Letters;
import sohoa.ocr.vietnamese.Typewriting;

/**
 * Reads one scanned page the way it must be read to be read well: in grey with coloured ink
 * (seals, signatures) separated, a bilevel scan bilevel or its broken strokes thickened, its
 * paper evened out, what lies around the paper erased, turned upright, straightened, enlarged if it
 * was scanned coarsely, recognised, a typewriter's l read as a capital given back, its syllables
 * checked (and misread diacritics corrected, if asked). The scan itself is not changed; the
 * {@link Alignment} in the result says how the text's coordinates sit on it, and its
 * {@link Preparation} what was decided and why. Thread-safe.
 *
 * <p>Orientation is proposed cheaply from the page's letters and words alone ({@link Paper}):
 * whether its lines run across or down ({@link LineDirection}), then, once straightened, whether
 * it stands upright or upside down ({@link UpDown}). An upright page costs nothing more. A turn is
 * only made when evidence of another kind agrees (see {@link #orient}); a page whose lines do not
 * show goes to the engine's orientation detection, which costs a fifth of a page's recognition.
 * Should the engine still be unsure of what it read, the page is read again the other way up and
 * the surer reading kept (Tesseract reads an upside-down page at a mean confidence near 40, an
 * upright one above 90).
 */
public final class PageRecognizer {
  /** Words the engine was at least this sure of are never corrected. */
  private static final float CORRECT_BELOW = 90f;
  /** Below this mean confidence, the other way up is worth a second reading. */
  private static final float DOUBTFUL = 70f;
  /** A half turn is kept only when its reading is surer than the other by this much. */
  private static final float CONFIRM = 3f;

  private final EnginePool engines;
  private final DiacriticCorrector checker = new DiacriticCorrector(CORRECT_BELOW);
  private final boolean correct;
  /** Whether the engine's lookalikes of Vietnamese letters are given as those letters. */
  private final boolean vietnamese;
  private final int readingDpi;
  private final boolean keepCleaned;

  /**
   * @param config whether to correct diacritics, and the resolution to read coarse scans at
   * @param keepCleaned whether each {@link Recognition} carries the cleaned image, for archiving
   */
  public PageRecognizer(EnginePool engines, OcrConfig config, boolean keepCleaned) {
    this.engines = engines;
    this.correct = config.correctDiacritics();
    this.vietnamese = config.readsVietnamese();
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
    ColourInk.Separated colour = ColourInk.separate(scan);
    BufferedImage grey = colour.grey();
    boolean bilevel = Bilevel.is(scan);
    String remedy = "";
    if (bilevel) {
      // The separated grey of a bilevel scan is its plain grey: no second conversion.
      Bilevel.Prepared prepared = Bilevel.prepare(grey);
      grey = prepared.gray();
      remedy = "bilevel-" + prepared.remedy() + ", ";
    }
    BufferedImage even = Background.flatten(grey, dpi);
    Paper.Found paper = Paper.find(even, dpi);
    BufferedImage gray = paper.reading();
    LineDirection lines = LineDirection.of(paper.text(), paper.textDpi());
    Decided decided = orient(new Prepared(gray, dpi, declared, bilevel), lines);
    Reading reading = decided.reading;
    StrayMarks.Cleared cleared = StrayMarks.of(reading.text);
    PageText letters = vietnamese ? Letters.vietnamese(cleared.text()) : cleared.text();
    Typewriting.Lowered typed = Typewriting.of(letters);
    PageText text = vietnamese ? typed.text() : letters;
    List<Correction> lowered = vietnamese ? typed.corrections() : List.of();
    DiacriticCorrector.Checked checked = checker.check(text);
    Preparation preparation = new Preparation(decided.orientation(lines), paper.edges(),
        paper.lines(), paper.holes(), colour.removed() ? "removed" : "none",
        remedy + (even != grey ? "paper-evened" : "as-scanned"), reading.keystone.degrees(),
        readAt(reading.dpi) == reading.dpi ? "none"
            : Resampling.method((double) readAt(reading.dpi) / reading.dpi, bilevel) + " "
                + reading.dpi + " to " + readAt(reading.dpi) + " dpi", cleared.words(),
        typed.typewritten(), lowered.size());
    List<Correction> corrections = new ArrayList<>(lowered);
    if (correct) {
      corrections.addAll(checked.corrections());
    }
    return new Recognition(correct ? checked.text() : text, reading.alignment,
        checked.syllables(), checked.impossible(), corrections,
        declared ? OptionalInt.empty() : OptionalInt.of(reading.dpi),
        readAt(reading.dpi), even != grey, preparation,
        keepCleaned && (gray != grey || bilevel || colour.removed()) ? Optional.of(gray)
            : Optional.empty());
  }

  /**
   * The reading of the page the right way up. The lines' direction, then where ink lies around
   * them, propose a turn, and each proposal is checked by evidence of another kind before a page
   * is turned: a half turn by reading the page both ways up (Tesseract reads an upside-down page
   * at a mean confidence near 40, an upright one above 90), a quarter turn by Tesseract's
   * orientation detection (a reading cannot tell: Tesseract reads a sideways page's lines too, at
   * the same confidence, and the page would be archived on its side). A wrong turn ruins a good
   * page, so when the evidence disagrees the page is kept as scanned and flagged.
   */
  private Decided orient(Prepared page, LineDirection lines) throws SohoaException {
    switch (lines) {
      case ACROSS -> {
        Reading proposed = readTurned(page, 0, true);
        if (proposed.alignment.quarterTurns() == 0) {
          return doubtful(proposed, "lines");
        }
        return confirmed(proposed, readTurned(page, 0, false));
      }
      case DOWN -> {
        int detected = engines.uprightTurns(page.gray, page.dpi);
        if (detected % 2 == 1) {
          return doubtful(readTurned(page, detected, false), "lines+osd");
        }
        return new Decided(readTurned(page, 0, false), "kept-as-scanned",
            Optional.empty(), true);
      }
      default -> {
        return doubtful(readTurned(page, engines.uprightTurns(page.gray, page.dpi), false), "osd");
      }
    }
  }

  /**
   * A reading the engine was unsure of is checked against the page read the other way up, and
   * the surer kept: what no measure of the ink could tell, the words can.
   */
  private Decided doubtful(Reading reading, String by) throws SohoaException {
    if (reading.text.meanConfidence() >= DOUBTFUL) {
      return new Decided(reading, by, Optional.empty(), false);
    }
    Reading overturned = overturned(reading);
    return overturned.text.meanConfidence() > reading.text.meanConfidence() + CONFIRM
        ? new Decided(overturned, "reading", Optional.of(reading), false)
        : new Decided(reading, by, Optional.of(overturned), false);
  }

  /** A half turn the ink called for, kept only when its reading is clearly the surer. */
  private static Decided confirmed(Reading proposed, Reading asScanned) {
    if (proposed.text.meanConfidence() >= asScanned.text.meanConfidence() + CONFIRM) {
      return new Decided(proposed, "lines+reading", Optional.of(asScanned), false);
    }
    // Read as scanned, the page is clearly the surer: the proposal was wrong, and the reading
    // shows it. Only readings too close to call leave the page in doubt.
    boolean close = proposed.text.meanConfidence() > asScanned.text.meanConfidence() - CONFIRM;
    return new Decided(asScanned, close ? "kept-as-scanned" : "reading", Optional.of(proposed),
        close);
  }

  /** The reading kept, how it was decided, the other reading if the page was read twice. */
  private record Decided(Reading reading, String by, Optional<Reading> other, boolean unsure) {
    Orientation orientation(LineDirection lines) {
      return new Orientation(reading.alignment.quarterTurns(), by,
          lines.name().toLowerCase(Locale.ROOT), reading.text.meanConfidence(),
          other.map(o -> o.text.meanConfidence()), unsure);
    }
  }

  /**
   * A page prepared for reading, in the scan's orientation: its resolution, whether the file
   * declared it, whether it was a bilevel scan bilevel for reading.
   */
  private record Prepared(BufferedImage gray, int dpi, boolean declared, boolean bilevel) {}

  private Reading readTurned(Prepared page, int turns, boolean mayOverturn)
      throws SohoaException {
    BufferedImage upright = QuarterTurns.clockwise(page.gray, turns);
    double skew = Deskew.measure(upright, page.dpi);
    BufferedImage straight = page.bilevel ? Deskew.straightenBilevel(upright, skew)
        : Deskew.straighten(upright, skew);
    Keystone keystone = Keystone.measure(straight, page.dpi);
    Alignment alignment = new Alignment(turns, skew);
    // One measure of the lines for both questions: a half turn changes where their ink lies
    // around the cores, not how high the cores are.
    LineBands lines = LineBands.of(straight);
    if (mayOverturn && UpDown.of(lines) == UpDown.UPSIDE_DOWN) {
      straight = QuarterTurns.clockwise(straight, 2);
      alignment = halfTurned(alignment);
      keystone = keystone.halfTurned();
    }
    int resolution = page.declared ? page.dpi : TextSize.resolution(lines).orElse(page.dpi);
    return new Reading(straight, alignment, keystone, resolution,
        recognize(straight, resolution, page.bilevel, keystone), page.bilevel);
  }

  /**
   * The text of a straightened page, read enlarged to the reading resolution if it was scanned
   * below nine tenths of it and with its lines made parallel if they converge, and given in the
   * page's own pixels either way. The perspective is undone after the enlargement, so that its
   * resampling blurs a fraction of a stroke rather than half of one.
   */
  private PageText recognize(BufferedImage page, int dpi, boolean bilevel, Keystone keystone)
      throws SohoaException {
    int at = readAt(dpi);
    BufferedImage read = at == dpi ? page
        : Resampling.enlarge(page, (double) at / dpi, bilevel);
    Keystone perspective = keystone.resizedTo(read.getWidth(), read.getHeight());
    BufferedImage rectifiedImage = perspective.rectify(read);
    PageText rectified = ReadingOrder.of(MissedLines.recover(rectifiedImage, at,
        engines.recognize(rectifiedImage, at), engines));
    PageText text = perspective.none() ? rectified : rectified.onPage(read.getWidth(),
        read.getHeight(), box -> box.mapped(perspective::unrectified, read.getWidth(),
            read.getHeight()));
    return at == dpi ? text : text.resizedTo(page.getWidth(), page.getHeight());
  }


  /** The resolution a page scanned at {@code dpi} is read at. */
  private int readAt(int dpi) {
    return dpi < readingDpi * 0.9 ? readingDpi : dpi;
  }

  /**
   * The text read from {@code image}, the page as {@code alignment} turned and straightened it and
   * {@code keystone} made its lines parallel, whose resolution was taken to be {@code dpi}.
   */
  private record Reading(BufferedImage image, Alignment alignment, Keystone keystone, int dpi,
      PageText text, boolean bilevel) {}

  /** The same page read after a half turn. */
  private Reading overturned(Reading reading) throws SohoaException {
    BufferedImage turned = QuarterTurns.clockwise(reading.image, 2);
    Keystone keystone = reading.keystone.halfTurned();
    return new Reading(turned, halfTurned(reading.alignment), keystone, reading.dpi,
        recognize(turned, reading.dpi, reading.bilevel, keystone), reading.bilevel);
  }

  /**
   * A straightened page's alignment after a half turn. The turn leaves it straight (a line's slant
   * is the same either way up), so the skew is not measured again.
   */
  private static Alignment halfTurned(Alignment alignment) {
    return new Alignment((alignment.quarterTurns() + 2) % 4, alignment.skewDegrees());
  }
}
