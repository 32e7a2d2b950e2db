package sohoa.core.text;

import java.awt.geom.Point2D;

/** An axis-aligned rectangle in page-image pixels, origin at the top left, right/bottom exclusive. */
public record Box(int left, int top, int right, int bottom) {
  public Box {
    if (left < 0 || top < 0 || right <= left || bottom <= top) {
      throw new IllegalArgumentException(
          "not a box: left=" + left + " top=" + top + " right=" + right + " bottom=" + bottom);
    }
  }

  public int width() {
    return right - left;
  }

  public int height() {
    return bottom - top;
  }

  /** The smallest box holding both. */
  public Box union(Box other) {
    return new Box(
        Math.min(left, other.left),
        Math.min(top, other.top),
        Math.max(right, other.right),
        Math.max(bottom, other.bottom));
  }

  /**
   * The box of whole pixels that holds a rectangle given in fractions of a pixel, kept on a page
   * of {@code width}×{@code height} and at least a pixel each way: where a box lands once mapped
   * from one image of a page onto another.
   */
  public static Box around(double left, double top, double right, double bottom, int width,
      int height) {
    int l = clamp(Math.floor(left), width - 1);
    int t = clamp(Math.floor(top), height - 1);
    return new Box(l, t, Math.max(l + 1, clamp(Math.ceil(right), width)),
        Math.max(t + 1, clamp(Math.ceil(bottom), height)));
  }

  private static int clamp(double value, int max) {
    return (int) Math.max(0, Math.min(max, value));
  }

  /** Where a point of one image of a page lies on another. */
  @FunctionalInterface
  public interface PointMap {
    Point2D.Double at(double x, double y);
  }

  /**
   * The box around this box's four corners once {@code map} has moved them, kept on a page of
   * {@code width}×{@code height} (see {@link #around}).
   */
  public Box mapped(PointMap map, int width, int height) {
    double l = Double.MAX_VALUE;
    double t = Double.MAX_VALUE;
    double r = -Double.MAX_VALUE;
    double b = -Double.MAX_VALUE;
    for (int corner = 0; corner < 4; corner++) {
      Point2D.Double p = map.at(corner % 2 == 0 ? left : right, corner < 2 ? top : bottom);
      l = Math.min(l, p.x);
      t = Math.min(t, p.y);
      r = Math.max(r, p.x);
      b = Math.max(b, p.y);
    }
    return around(l, t, r, b, width, height);
  }
}
