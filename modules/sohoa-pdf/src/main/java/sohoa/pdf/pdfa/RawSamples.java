package sohoa.pdf.pdfa;

import com.itextpdf.io.image.ImageData;
import com.itextpdf.io.image.ImageDataFactory;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;

/**
 * A decoded page image handed to iText as raw samples, which it compresses with Flate: lossless,
 * and several times faster than encoding a PNG first. Black-and-white stays one bit per pixel,
 * grey one byte, anything else becomes RGB.
 */
final class RawSamples {
  private RawSamples() {}

  static ImageData of(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    if (image.getType() == BufferedImage.TYPE_BYTE_BINARY
        && image.getColorModel().getPixelSize() == 1
        && image.getRaster().getDataBuffer() instanceof DataBufferByte packed
        && packed.getData().length == (w + 7) / 8 * h
        && (image.getColorModel().getRGB(0) & 0xffffff) == 0) {
      // One bit a pixel, rows padded to a byte, 0 black: exactly PDF's 1-bit DeviceGray.
      return ImageDataFactory.create(w, h, 1, 1, packed.getData(), null);
    }
    if (image.getType() == BufferedImage.TYPE_BYTE_GRAY
        && image.getRaster().getDataBuffer() instanceof DataBufferByte gray
        && gray.getData().length == w * h) {
      return ImageDataFactory.create(w, h, 1, 8, gray.getData(), null);
    }
    BufferedImage rgb = image;
    if (image.getType() != BufferedImage.TYPE_INT_RGB) {
      rgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = rgb.createGraphics();
      try {
        g.drawImage(image, 0, 0, null);
      } finally {
        g.dispose();
      }
    }
    int[] pixels = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
    byte[] samples = new byte[w * h * 3];
    for (int i = 0, j = 0; i < pixels.length; i++) {
      int p = pixels[i];
      samples[j++] = (byte) (p >> 16);
      samples[j++] = (byte) (p >> 8);
      samples[j++] = (byte) p;
    }
    return ImageDataFactory.create(w, h, 3, 8, samples, null);
  }
}
