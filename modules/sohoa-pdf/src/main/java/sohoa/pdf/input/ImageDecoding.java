package sohoa.pdf.input;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.NodeList;
import sohoa.core.document.InputFormat;
import sohoa.core.error.InputRejected;
import sohoa.core.error.TruncatedInput;
import sohoa.core.error.UnreadableInput;

/** Image decoding through ImageIO, with its warnings (which hide truncation) treated as errors. */
final class ImageDecoding {
  static final String RESCAN = "scan the page again, or copy the file again from the scanner";

  private ImageDecoding() {}

  static ImageReader reader(InputFormat format, ImageInputStream input) {
    Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(format.mediaType());
    if (!readers.hasNext()) {
      throw new IllegalStateException("this JDK has no ImageIO reader for " + format.mediaType());
    }
    ImageReader reader = readers.next();
    reader.setInput(input, false, false);
    return reader;
  }

  static BufferedImage decode(byte[] bytes, InputFormat format, int index, int page)
      throws InputRejected {
    List<String> warnings = new ArrayList<>();
    try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      ImageReader reader = reader(format, input);
      try {
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        BufferedImage image = reader.read(index);
        if (!warnings.isEmpty()) {
          String warning = String.join("; ", warnings);
          if (warning.contains("Premature end")) {
            throw new TruncatedInput("page " + page + " ends before its image data does ("
                + warning + ")", RESCAN);
          }
          throw new UnreadableInput("page " + page + " is damaged: " + warning, RESCAN);
        }
        return image;
      } finally {
        reader.dispose();
      }
    } catch (EOFException e) {
      throw new TruncatedInput("page " + page + " ends before its image data does: the "
          + format.name() + " file is cut short", RESCAN, e);
    } catch (IOException | RuntimeException e) {
      throw new UnreadableInput("page " + page + " cannot be decoded as "
          + format.name() + ": " + describe(e), RESCAN, e);
    }
  }

  /** The resolution the file declares, or 300 dpi assumed when it declares none or nonsense. */
  static Resolution resolution(ImageReader reader, int index) throws IOException {
    IIOMetadata metadata = reader.getImageMetadata(index);
    if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
      return Resolution.unknown();
    }
    IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree("javax_imageio_1.0");
    double x = dpiOf(root.getElementsByTagName("HorizontalPixelSize"));
    double y = dpiOf(root.getElementsByTagName("VerticalPixelSize"));
    // Scanners write 72 or 96 dpi when they mean "unknown"; below 100 no scan is legible anyway.
    if (x < 100 || y < 100 || x > 2400 || y > 2400) {
      return Resolution.unknown();
    }
    return new Resolution(x, y, false);
  }

  private static double dpiOf(NodeList nodes) {
    if (nodes.getLength() == 0) {
      return 0;
    }
    try {
      double millimetres = Double.parseDouble(((IIOMetadataNode) nodes.item(0)).getAttribute("value"));
      if (millimetres <= 0) {
        return 0;
      }
      // PNG stores pixels per metre: 300 dpi comes back as 299.9994. Scanners mean whole numbers.
      double dpi = 25.4 / millimetres;
      double whole = Math.rint(dpi);
      return Math.abs(dpi - whole) < dpi * 0.001 ? whole : dpi;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * The reader's own words when it reports bad data; when it breaks on the data instead (a null
   * or an index out of range), its words name its internals, which tell an officer nothing.
   */
  static String describe(Exception e) {
    String message = e.getMessage();
    if (e instanceof RuntimeException || message == null || message.isBlank()) {
      return "its data is damaged where the reader did not expect it";
    }
    return message;
  }
}
