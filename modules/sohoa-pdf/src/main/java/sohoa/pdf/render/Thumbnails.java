package sohoa.pdf.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Renders pages of a PDF (an archived PDF/A) as small greyscale JPEGs: a few kilobytes each, so a
 * report of a thousand documents stays one file that opens offline.
 */
public final class Thumbnails {
  private final int widthPx;

  /** Thumbnails {@code widthPx} wide (the height follows the page). */
  public Thumbnails(int widthPx) {
    if (widthPx < 16 || widthPx > 2000) {
      throw new IllegalArgumentException("a thumbnail is 16 to 2000 px wide, not " + widthPx);
    }
    this.widthPx = widthPx;
  }

  /**
   * The pages {@code numbers} (1-based; numbers past the end are left out) of {@code pdf}, as JPEG
   * bytes by page number, in the order asked.
   *
   * @throws IOException when the PDF cannot be read
   */
  public Map<Integer, byte[]> render(Path pdf, List<Integer> numbers) throws IOException {
    Map<Integer, byte[]> thumbnails = new LinkedHashMap<>();
    try (PDDocument document = Loader.loadPDF(new RandomAccessReadBufferedFile(pdf))) {
      PDFRenderer renderer = new PDFRenderer(document);
      renderer.setSubsamplingAllowed(true);
      for (int number : numbers) {
        if (number < 1 || number > document.getNumberOfPages()) {
          continue;
        }
        float width = document.getPage(number - 1).getCropBox().getWidth();
        // PDFBox floors width x scale: half a pixel more makes it land on widthPx exactly.
        float scale = (widthPx + 0.5f) / Math.max(1f, width);
        BufferedImage image = renderer.renderImage(number - 1, scale, ImageType.GRAY);
        thumbnails.put(number, jpeg(image));
      }
    }
    return thumbnails;
  }

  private static byte[] jpeg(BufferedImage image) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.75f);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
