package sohoa.core.text;

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
}
