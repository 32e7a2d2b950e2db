package sohoa.sign.pades;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how a signature shows on the page: a box with the signer's name, agency and signing
 * time in Vietnamese ({@code Ký bởi}, {@code Cơ quan}, {@code Thời gian ký}), in an embedded Unicode
 * font, and an optional signature or seal image beside the text.
 *
 * @param page 1-based page number
 * @param x left edge in points from the page's left
 * @param y bottom edge in points from the page's bottom
 * @param width and {@code height} in points
 * @param font a TrueType font with Vietnamese letters, embedded in the PDF
 * @param image a PNG or JPEG of the handwritten signature or the seal
 */
public record VisibleSignature(int page, float x, float y, float width, float height, Path font,
    Optional<Path> image) {
  public VisibleSignature {
    Objects.requireNonNull(font, "font");
    Objects.requireNonNull(image, "image");
    if (page < 1 || width <= 0 || height <= 0) {
      throw new IllegalArgumentException("a visible signature needs a page from 1 and a box of"
          + " positive size, got page " + page + ", " + width + "×" + height);
    }
  }

  /**
   * A box written {@code PAGE:X,Y,W,H} in points, e.g. {@code 1:320,60,220,70}.
   *
   * @throws IllegalArgumentException naming the form when {@code text} is not in it
   */
  public static VisibleSignature parse(String text, Path font, Optional<Path> image) {
    String[] pageAndBox = text.split(":");
    String[] box = pageAndBox.length == 2 ? pageAndBox[1].split(",") : new String[0];
    if (box.length != 4) {
      throw new IllegalArgumentException("a signature box is PAGE:X,Y,WIDTH,HEIGHT in points, e.g."
          + " 1:320,60,220,70; got '" + text + "'");
    }
    try {
      return new VisibleSignature(Integer.parseInt(pageAndBox[0].strip()),
          Float.parseFloat(box[0].strip()), Float.parseFloat(box[1].strip()),
          Float.parseFloat(box[2].strip()), Float.parseFloat(box[3].strip()), font, image);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a signature box is PAGE:X,Y,WIDTH,HEIGHT in points, e.g."
          + " 1:320,60,220,70; got '" + text + "'", e);
    }
  }
}
