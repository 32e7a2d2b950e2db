package sohoa.core.text;

/**
 * How a page's text coordinates relate to its scanned image: the scan was turned
 * {@code quarterTurns} times clockwise to stand upright, then straightened by rotating it
 * {@code skewDegrees} counter-clockwise (its text ran that many degrees clockwise, as seen on
 * screen). A {@link PageText} measured on the straightened image needs both to be laid back on
 * the original.
 */
public record Alignment(int quarterTurns, double skewDegrees) {
  public static final Alignment NONE = new Alignment(0, 0);

  public Alignment {
    if (quarterTurns < 0 || quarterTurns > 3) {
      throw new IllegalArgumentException("quarter turns must be 0..3, got " + quarterTurns);
    }
    if (!(Math.abs(skewDegrees) <= 45)) {
      throw new IllegalArgumentException("a skew beyond 45° is a turn, not a skew: " + skewDegrees);
    }
  }
}
