package sohoa.core.text;

import java.awt.geom.Point2D;

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

  /**
   * Where a box measured on the straightened page lies on the original scan: its corners turned
   * back along the skew, then back through the quarter turns, and the box around them.
   *
   * @param textWidth width of the straightened page (the upright scan's width)
   * @param textHeight its height
   */
  public Box toScan(Box box, int textWidth, int textHeight) {
    double radians = Math.toRadians(skewDegrees);
    double cos = Math.cos(radians);
    double sin = Math.sin(radians);
    double cx = textWidth / 2.0;
    double cy = textHeight / 2.0;
    int scanWidth = quarterTurns % 2 == 0 ? textWidth : textHeight;
    int scanHeight = quarterTurns % 2 == 0 ? textHeight : textWidth;
    return box.mapped((x, y) -> {
      // forward along the skew (y grows downwards)
      double ux = cx + (x - cx) * cos - (y - cy) * sin;
      double uy = cy + (x - cx) * sin + (y - cy) * cos;
      // the upright page was the scan turned clockwise; turn it back
      return switch (quarterTurns) {
        case 1 -> new Point2D.Double(uy, textWidth - ux);
        case 2 -> new Point2D.Double(textWidth - ux, textHeight - uy);
        case 3 -> new Point2D.Double(textHeight - uy, ux);
        default -> new Point2D.Double(ux, uy);
      };
    }, scanWidth, scanHeight);
  }
}
