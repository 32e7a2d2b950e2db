package sohoa.pdf.input;

import java.awt.image.BufferedImage;
import sohoa.core.document.InputFormat;
import sohoa.core.error.InputRejected;

/** One page of a (multi-page) TIFF; {@code file} is the whole TIFF, shared by its pages. */
public record TiffPage(int page, byte[] file, int width, int height, Resolution resolution)
    implements PageImage {
  @Override
  public TiffPage at(Resolution other) {
    return new TiffPage(page, file, width, height, other);
  }

  @Override
  public BufferedImage decode() throws InputRejected {
    return ImageDecoding.decode(file, InputFormat.TIFF, page - 1, page);
  }
}
