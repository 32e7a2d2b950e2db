package sohoa.pdf.input;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import sohoa.core.document.InputFormat;
import sohoa.core.error.InputRejected;
import sohoa.core.error.InputTooLarge;
import sohoa.core.error.UnreadableInput;

/**
 * A TIFF, PNG or JPEG scan. Every page's size is checked against the pixel limit from the headers
 * alone, before a single pixel is decoded.
 */
final class ImagePageSource implements PageSource {
  private final List<PageImage> pages;

  private ImagePageSource(List<PageImage> pages) {
    this.pages = pages;
  }

  static ImagePageSource read(byte[] bytes, InputFormat format, InputLimits limits)
      throws InputRejected {
    List<PageImage> pages = new ArrayList<>();
    try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      ImageReader reader = ImageDecoding.reader(format, input);
      try {
        int count = format == InputFormat.TIFF ? reader.getNumImages(true) : 1;
        if (count < 1) {
          throw new UnreadableInput("the " + format.name() + " holds no image",
              ImageDecoding.RESCAN);
        }
        if (count > limits.maxPages()) {
          throw new InputTooLarge("the TIFF has " + count + " pages; the limit is "
              + limits.maxPages(), "split it, or raise --max-pages");
        }
        for (int i = 0; i < count; i++) {
          int width = reader.getWidth(i);
          int height = reader.getHeight(i);
          long pixels = (long) width * height;
          if (pixels > limits.maxPixels()) {
            throw new InputTooLarge(String.format(
                "page %d is %d×%d pixels (%.0f megapixels); the limit is %.0f megapixels",
                i + 1, width, height, pixels / 1e6, limits.maxPixels() / 1e6),
                "scan at a lower resolution (300 dpi is enough for text), or raise --max-pixels");
          }
          Resolution resolution = ImageDecoding.resolution(reader, i);
          pages.add(format == InputFormat.TIFF
              ? new TiffPage(i + 1, bytes, width, height, resolution)
              : new EncodedImage(i + 1, bytes, format, width, height, resolution));
        }
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      throw new UnreadableInput("the " + format.name() + " header cannot be read: "
          + ImageDecoding.describe(e), ImageDecoding.RESCAN, e);
    }
    return new ImagePageSource(pages);
  }

  @Override
  public int pageCount() {
    return pages.size();
  }

  @Override
  public SourcePage page(int number) {
    return new SourcePage(pages.get(number - 1), Optional.empty());
  }

  @Override
  public void close() {}
}
