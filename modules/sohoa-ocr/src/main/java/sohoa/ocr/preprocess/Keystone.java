package sohoa.ocr.preprocess;

import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The perspective of a photographed page, measured from its lines and undone for reading. A phone
 * held not quite square to the sheet makes its lines converge: once the page is straightened, the
 * lines at the top still slope one way and those at the bottom the other. Tesseract fits one
 * baseline per line, so a line that runs a degree off across the page loses its tone marks to the
 * line above or below.
 *
 * <p>The slope of the lines is measured band by band down the page (the projection profile that
 * {@link Deskew} uses, on an inch of lines at a time), a straight line is fitted to slope against
 * height, and the projective map that makes the lines parallel is applied: {@code x' = x / (1 +
 * g·x), y' = y / (1 + g·x)} about the page's middle column and the row whose line runs level, where
 * {@code g} is the fitted change of slope per pixel of height. That is the whole of a perspective
 * for lines of text; the other family (margins converging, letters leaning a degree) is left as
 * photographed, since Tesseract reads a line at any width and a page's margins (centred headings,
 * ragged line ends, signature blocks) are no ruler to measure it by.
 *
 * <p>A band whose slope strays from the fit is dropped (a signature, a seal, a table); what
 * remains must be at least {@value #MIN_BANDS} bands and must show the lines' slope changing by
 * at least {@value #MIN_SPREAD}° from the top line to the bottom, or the page is read as it is.
 * The threshold is measured: on a full page rendered in code and photographed in perspective
 * ({@code OldRecords.keystoned}), read at 300, 200 and 150 dpi, lines converging by 1.1° read the
 * same either way (CER 0.05–0.15%), by 1.7° the correction cut CER from 0.10–0.19% to
 * 0.05–0.15%, by 2.3° from 0.53–0.68% to 0.05–0.24%, and by 3.4°, where Tesseract's lines break
 * apart, from 15–20% to 0.10–0.24%. The development set's two phone photos converge by 0.66° and
 * 1.06°, and read as well or slightly better as they are (resampling moves a tone mark's pixels);
 * a scanned page's bands agree to a tenth of a degree.
 */
public final class Keystone {
  /** A flat page: nothing to undo. */
  public static final Keystone NONE = new Keystone(0, 0, 0, 0, 0);
  /** An inch of lines: four to six of them, enough for a profile, few enough to show a trend. */
  private static final double BAND_INCHES = 1;
  /** Fewer bands than this cannot tell a trend from the noise of one band. */
  private static final int MIN_BANDS = 4;
  /** Below this change of slope over the text, in degrees, the lines are read as they are. */
  private static final double MIN_SPREAD = 1.2;
  /** Beyond this it is not a mild perspective but a page photographed askew: left as it is. */
  private static final double MAX_SPREAD = 8;
  /** A band further than this from the fit, in degrees, holds something other than lines. */
  private static final double STRAY = 0.2;
  /** A straightened page's bands slope by less than this either way, in degrees. */
  private static final double RANGE = 2.5;
  /** Ink, in pixels at about 150 dpi, of two short lines of text: less is not a band of lines. */
  private static final int MIN_BAND_INK = 1_500;

  private final double convergence;
  /** The row whose line runs level; the map pivots about it, so no line is left sloping. */
  private final double level;
  private final double spread;
  private final int width;
  private final int height;

  private Keystone(double convergence, double level, double spread, int width, int height) {
    this.convergence = convergence;
    this.level = level;
    this.spread = spread;
    this.width = width;
    this.height = height;
  }

  /**
   * The perspective of a straightened page's lines, or {@link #NONE}.
   *
   * @param straight an upright page image, straightened by {@link Deskew}
   * @param dpi its resolution
   */
  public static Keystone measure(BufferedImage straight, int dpi) {
    BufferedImage gray = Grayscale.of(straight);
    int reduction = Math.max(1, dpi / 150);
    Ink ink = Ink.of(gray, reduction, Grayscale.otsu(Grayscale.pixels(gray)));
    int band = Math.max(1, (int) Math.round(BAND_INCHES * dpi / reduction));
    List<Slope> slopes = new ArrayList<>();
    for (int top = 0; top + band / 2 < ink.height(); top += band) {
      Ink lines = ink.rows(top, Math.min(ink.height(), top + band));
      if (lines.count() >= MIN_BAND_INK) {
        double near = lines.bestAngle(-RANGE, RANGE, 0.1);
        double angle = lines.bestAngle(near - 0.1, near + 0.1, 0.02);
        // Rows about the page's centre, in the page's own pixels.
        double centre = (top + Math.min(ink.height(), top + band)) / 2.0 * reduction
            - gray.getHeight() / 2.0;
        slopes.add(new Slope(centre, Math.tan(Math.toRadians(angle)), lines.count()));
      }
    }
    Optional<Fit> found = Fit.robust(slopes);
    if (found.isEmpty()) {
      return NONE;
    }
    Fit fit = found.get();
    double spread = Math.toDegrees(Math.atan(fit.perPixel * fit.span));
    return Math.abs(spread) < MIN_SPREAD || Math.abs(spread) > MAX_SPREAD ? NONE
        : new Keystone(fit.perPixel, level(fit, gray.getHeight()), Math.round(spread * 100) / 100.0,
            gray.getWidth(), gray.getHeight());
  }

  /**
   * How far the slope of the page's lines changed from the top line to the bottom, in degrees
   * (positive when the lower lines run more clockwise), as it was undone; 0 for {@link #NONE}.
   */
  public double degrees() {
    return spread;
  }

  /** Whether there is a perspective to undo. */
  public boolean none() {
    return convergence == 0;
  }

  /** The same perspective on the page turned upside down (the map is odd in x and y). */
  public Keystone halfTurned() {
    return none() ? NONE : new Keystone(-convergence, height - level, spread, width, height);
  }

  /** The same perspective on the page shown at another size (enlarged for reading). */
  public Keystone resizedTo(int newWidth, int newHeight) {
    return none() ? NONE
        : new Keystone(convergence * width / newWidth, level * newHeight / height, spread,
            newWidth, newHeight);
  }

  /**
   * The page with its lines made parallel, same size, grey, what falls outside filled white. Each
   * column of the output is a column of the page moved across and stretched down about the centre
   * by one factor, which is what the map does to a column; sampled bilinearly.
   */
  public BufferedImage rectify(BufferedImage straight) {
    if (none()) {
      return straight;
    }
    requireSize(straight);
    byte[] in = Grayscale.pixels(Grayscale.of(straight));
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    byte[] pixels = Grayscale.pixels(out);
    double cx = width / 2.0;
    double cy = level;
    for (int x = 0; x < width; x++) {
      double dx = x + 0.5 - cx;
      double stretch = 1 / (1 - convergence * dx);
      int u = (int) Math.floor(cx + dx * stretch);
      for (int y = 0; y < height; y++) {
        int v = (int) Math.floor(cy + (y + 0.5 - cy) * stretch);
        pixels[y * width + x] = (byte) sample(in, u, v);
      }
    }
    return out;
  }

  /**
   * Where a point of the page as rectified lies on the straightened page it was made from, so that
   * text read on the one is laid on the other.
   */
  public Point2D.Double unrectified(double x, double y) {
    double cx = width / 2.0;
    double cy = level;
    double stretch = 1 / (1 - convergence * (x - cx));
    return new Point2D.Double(cx + (x - cx) * stretch, cy + (y - cy) * stretch);
  }

  /**
   * The row, in the page's pixels, where the fitted slope is nil: the straightened page's lines
   * sloping both ways, their level one lies within the page (kept within it when the fit says
   * otherwise).
   */
  private static double level(Fit fit, int height) {
    return Math.max(0, Math.min(height, height / 2.0 - fit.intercept / fit.perPixel));
  }

  private int sample(byte[] pixels, int x, int y) {
    return x < 0 || y < 0 || x >= width || y >= height ? 255 : pixels[y * width + x] & 0xff;
  }

  private void requireSize(BufferedImage page) {
    if (page.getWidth() != width || page.getHeight() != height) {
      throw new IllegalArgumentException("the perspective was measured on a page of " + width + "x"
          + height + ", not " + page.getWidth() + "x" + page.getHeight());
    }
  }

  /**
   * The slope of the lines in one band: {@code centre} its middle row about the page's centre,
   * {@code slope} the tangent of their angle, {@code ink} how much ink told it.
   */
  private record Slope(double centre, double slope, int ink) {}

  /**
   * Slope against height, weighted by ink: {@code perPixel} the change of slope per row, {@code
   * span} the rows from the first band kept to the last.
   */
  private record Fit(double perPixel, double intercept, double span) {
    /**
     * The fit after dropping, one by one, the band furthest from it while any strays; empty when
     * too few bands are left to trust.
     */
    static Optional<Fit> robust(List<Slope> slopes) {
      List<Slope> kept = new ArrayList<>(slopes);
      double stray = Math.tan(Math.toRadians(STRAY));
      while (kept.size() >= MIN_BANDS) {
        Fit fit = of(kept);
        int worst = -1;
        double worstOff = stray;
        for (int i = 0; i < kept.size(); i++) {
          Slope s = kept.get(i);
          double off = Math.abs(s.slope - fit.intercept - fit.perPixel * s.centre);
          if (off > worstOff) {
            worst = i;
            worstOff = off;
          }
        }
        if (worst < 0) {
          return Optional.of(fit);
        }
        kept.remove(worst);
      }
      return Optional.empty();
    }

    private static Fit of(List<Slope> slopes) {
      double w = 0;
      double sx = 0;
      double sy = 0;
      double first = Double.MAX_VALUE;
      double last = -Double.MAX_VALUE;
      for (Slope s : slopes) {
        w += s.ink;
        sx += s.ink * s.centre;
        sy += s.ink * s.slope;
        first = Math.min(first, s.centre);
        last = Math.max(last, s.centre);
      }
      double mx = sx / w;
      double my = sy / w;
      double sxx = 0;
      double sxy = 0;
      for (Slope s : slopes) {
        sxx += s.ink * (s.centre - mx) * (s.centre - mx);
        sxy += s.ink * (s.centre - mx) * (s.slope - my);
      }
      double perPixel = sxx == 0 ? 0 : sxy / sxx;
      return new Fit(perPixel, my - perPixel * mx, last - first);
    }
  }
}
