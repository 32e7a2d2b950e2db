package sohoa.pdf.input;

import java.awt.image.BufferedImage;
import sohoa.core.document.InputFormat;
import sohoa.core.error.InputRejected;

/** A whole JPEG or PNG file's bytes: a single-image input, or the JPEG stream of a scanned PDF page. */
public record EncodedImage(int page, byte[] bytes, InputFormat format, int width, int height,
    Resolution resolution) implements PageImage {
  public EncodedImage {
    if (format != InputFormat.JPEG && format != InputFormat.PNG) {
      throw new IllegalArgumentException("an encoded page image is JPEG or PNG, not " + format);
    }
  }

  @Override
  public EncodedImage at(Resolution other) {
    return new EncodedImage(page, bytes, format, width, height, other);
  }

  @Override
  public BufferedImage decode() throws InputRejected {
    return ImageDecoding.decode(bytes, format, 0, page);
  }
}
