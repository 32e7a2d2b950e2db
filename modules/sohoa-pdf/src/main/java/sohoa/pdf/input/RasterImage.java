package sohoa.pdf.input;

import java.awt.image.BufferedImage;

/**
 * A page that exists only as pixels: a PDF page rendered because it is not a single image, or a
 * PDF image in an encoding the writer cannot copy. It is embedded losslessly.
 */
public record RasterImage(int page, BufferedImage image, Resolution resolution) implements PageImage {
  @Override
  public int width() {
    return image.getWidth();
  }

  @Override
  public int height() {
    return image.getHeight();
  }

  @Override
  public RasterImage at(Resolution other) {
    return new RasterImage(page, image, other);
  }

  @Override
  public BufferedImage decode() {
    return image;
  }
}
