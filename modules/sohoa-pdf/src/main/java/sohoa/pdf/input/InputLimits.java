package sohoa.pdf.input;

/**
 * What an input may demand before it is refused: decoding a page of {@code maxPixels} needs about
 * that many bytes (grey) to four times that (colour), so this bounds memory; {@code maxSeconds}
 * bounds the time one document may take, checked between its pages.
 */
public record InputLimits(long maxPixels, int maxPages, long maxBytes, int maxSeconds) {
  /**
   * 150 megapixels is an A2 sheet at 400 dpi; 5000 pages is a thick register book; an hour is
   * several hundred pages on two cores.
   */
  public static final InputLimits DEFAULT = new InputLimits(150_000_000L, 5_000, 1L << 30, 3600);

  public InputLimits {
    if (maxPixels < 1 || maxPages < 1 || maxBytes < 1 || maxSeconds < 1) {
      throw new IllegalArgumentException("limits must be positive: pixels " + maxPixels
          + ", pages " + maxPages + ", bytes " + maxBytes + ", seconds " + maxSeconds);
    }
  }

  public InputLimits withMaxPixels(long pixels) {
    return new InputLimits(pixels, maxPages, maxBytes, maxSeconds);
  }

  public InputLimits withMaxSeconds(int seconds) {
    return new InputLimits(maxPixels, maxPages, maxBytes, seconds);
  }
}
