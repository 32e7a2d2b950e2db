package sohoa.pdf.input;

/**
 * A scan's resolution in dots per inch, across and down (fax-mode scans differ), and whether the
 * file said so or it was assumed (or estimated from the page's letters) because the file did not.
 */
public record Resolution(double x, double y, boolean assumed) {
  public static final double ASSUMED_DPI = 300;

  public Resolution {
    if (!(x > 0 && y > 0)) {
      throw new IllegalArgumentException("resolution must be positive, got " + x + "x" + y);
    }
  }

  public static Resolution unknown() {
    return new Resolution(ASSUMED_DPI, ASSUMED_DPI, true);
  }

  /** The single figure an OCR engine takes. */
  public int forOcr() {
    return (int) Math.round(Math.max(x, y));
  }
}
