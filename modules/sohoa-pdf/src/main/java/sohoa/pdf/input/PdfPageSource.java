package sohoa.pdf.input;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.util.Matrix;
import sohoa.core.document.InputFormat;
import sohoa.core.error.EncryptedInput;
import sohoa.core.error.InputRejected;
import sohoa.core.error.InputTooLarge;
import sohoa.core.error.UnreadableInput;
import sohoa.core.pdf.FlateStreams;
import sohoa.core.text.PageText;
import sohoa.core.text.TextLine;
import sohoa.core.text.TextOrigin;

/**
 * A PDF, page by page. A page that paints one upright image over the page gives that image (its
 * JPEG bytes untouched where it is a JPEG); any other page is rendered at {@value #RENDER_DPI} dpi.
 * A page with its own text keeps it and is not OCR'd.
 */
final class PdfPageSource implements PageSource {
  static final int RENDER_DPI = 300;
  /** Fewer letters than this is a stray page number or stamp, not a born-digital page. */
  private static final int MIN_TEXT_CHARACTERS = 3;

  private final PDDocument document;
  private final PDFRenderer renderer;
  private final InputLimits limits;

  private PdfPageSource(PDDocument document, InputLimits limits) {
    this.document = document;
    this.renderer = new PDFRenderer(document);
    this.limits = limits;
  }

  /**
   * Refuses a PDF with a stream that inflates past {@link ContentBudget#MAX_BYTES}, measured into
   * a counter before PDFBox opens it: PDFBox inflates the cross-reference stream it opens a
   * document by whole, in memory, so a 4 MB file that inflates to 4 GB filled the heap in
   * {@code Loader.loadPDF}, before any page could be checked.
   */
  private static void screen(Path file) throws InputRejected {
    try {
      if (FlateStreams.exceed(file, ContentBudget.MAX_BYTES)) {
        throw new InputTooLarge("a stream in the PDF inflates to more than "
            + (ContentBudget.MAX_BYTES >> 20) + " MB (a decompression bomb, or a badly broken"
            + " file)", "get the document again from its source; a scan never looks like this");
      }
    } catch (IOException e) {
      throw new UnreadableInput("the PDF cannot be read: " + e.getMessage(),
          "check that the file is still there and readable");
    }
  }

  static PdfPageSource open(Path file, InputLimits limits) throws InputRejected {
    screen(file);
    PDDocument document;
    try {
      // A temp-file stream cache keeps decoded streams off the heap: a hostile or huge PDF
      // cannot fill memory through PDFBox's cache.
      document = Loader.loadPDF(new RandomAccessReadBufferedFile(file), "", null, null,
          IOUtils.createTempFileOnlyStreamCache());
    } catch (InvalidPasswordException e) {
      throw new EncryptedInput("the PDF is protected by a password and cannot be opened",
          "ask the sender for a copy without a password, or open it with the password and "
              + "save it unprotected");
    } catch (IOException | RuntimeException e) {
      throw new UnreadableInput("the PDF structure is damaged: " + ImageDecoding.describe(e),
          "open it in a PDF viewer to check; if it does not open, get the file again");
    }
    try {
      int pages = document.getNumberOfPages();
      if (pages < 1) {
        throw new UnreadableInput("the PDF has no pages", "get the file again from its source");
      }
      if (pages > limits.maxPages()) {
        throw new InputTooLarge("the PDF has " + pages + " pages; the limit is "
            + limits.maxPages(), "split it, or raise --max-pages");
      }
      return new PdfPageSource(document, limits);
    } catch (InputRejected e) {
      closeQuietly(document, e);
      throw e;
    }
  }

  @Override
  public int pageCount() {
    return document.getNumberOfPages();
  }

  @Override
  public SourcePage page(int number) throws InputRejected {
    try {
      PDPage page = document.getPage(number - 1);
      ContentBudget.check(number, page);
      Optional<PageImageFinder.Placed> scan = singleScan(page);
      PageImage image = scan.isPresent() ? scannedImage(number, page, scan.get()) : render(number, page);
      return new SourcePage(image, embeddedText(number, page, image, scan));
    } catch (IOException | RuntimeException e) {
      throw new UnreadableInput("page " + number + " of the PDF cannot be read: "
          + ImageDecoding.describe(e), "open it in a PDF viewer to check; if it shows "
          + "wrongly, scan the page again", e);
    }
  }

  /** The one image that covers an unrotated page, if that is all the page paints. */
  private static Optional<PageImageFinder.Placed> singleScan(PDPage page) throws IOException {
    if (page.getRotation() % 360 != 0) {
      return Optional.empty();
    }
    PageImageFinder finder = PageImageFinder.scan(page);
    if (finder.images().size() != 1 || finder.hasInlineImage()) {
      return Optional.empty();
    }
    PageImageFinder.Placed placed = finder.images().get(0);
    Matrix m = placed.placement();
    PDRectangle box = page.getCropBox();
    boolean upright = m.getScaleX() > 0 && m.getScaleY() > 0
        && Math.abs(m.getShearX()) < 1e-6 && Math.abs(m.getShearY()) < 1e-6;
    double covered = (m.getScaleX() * m.getScaleY()) / (box.getWidth() * box.getHeight());
    return upright && covered > 0.9 ? Optional.of(placed) : Optional.empty();
  }

  private PageImage scannedImage(int number, PDPage page, PageImageFinder.Placed placed)
      throws IOException, InputRejected {
    PDImageXObject image = placed.image();
    checkPixels(number, image.getWidth(), image.getHeight());
    Matrix m = placed.placement();
    Resolution resolution = new Resolution(image.getWidth() * 72.0 / m.getScaleX(),
        image.getHeight() * 72.0 / m.getScaleY(), false);
    List<COSName> filters = image.getStream().getFilters();
    int components = image.getColorSpace().getNumberOfComponents();
    if (filters.equals(List.of(COSName.DCT_DECODE)) && (components == 1 || components == 3)) {
      byte[] jpeg;
      try (InputStream raw = image.getCOSObject().createRawInputStream()) {
        jpeg = raw.readAllBytes();
      }
      return new EncodedImage(number, jpeg, InputFormat.JPEG, image.getWidth(), image.getHeight(),
          resolution);
    }
    BufferedImage decoded = graySamples(image).orElse(null);
    return new RasterImage(number, decoded != null ? decoded : image.getImage(), resolution);
  }

  /**
   * A grey or black-and-white scan image straight from its decoded samples: PDF's 1-bit and 8-bit
   * DeviceGray layouts are Java's TYPE_BYTE_BINARY and TYPE_BYTE_GRAY byte for byte, whereas
   * {@code getImage()} converts every page to RGB. Empty for anything else (colour, masks, an
   * inverted Decode array), which goes the general way.
   */
  private static Optional<BufferedImage> graySamples(PDImageXObject image) throws IOException {
    int bits = image.getBitsPerComponent();
    COSArray decode = image.getDecode();
    boolean plainDecode = decode == null || (decode.size() == 2
        && decode.getObject(0) instanceof COSNumber lo && lo.floatValue() == 0
        && decode.getObject(1) instanceof COSNumber hi && hi.floatValue() == 1);
    if (image.isStencil() || (bits != 1 && bits != 8) || !plainDecode
        || image.getColorSpace().getNumberOfComponents() != 1
        || image.getCOSObject().containsKey(COSName.MASK)
        || image.getCOSObject().containsKey(COSName.SMASK)) {
      return Optional.empty();
    }
    int w = image.getWidth();
    int h = image.getHeight();
    int length = bits == 1 ? (w + 7) / 8 * h : w * h;
    byte[] samples;
    try (InputStream in = image.createInputStream()) {
      samples = in.readNBytes(length);
    }
    if (samples.length < length) {
      return Optional.empty();
    }
    BufferedImage out = new BufferedImage(w, h,
        bits == 1 ? BufferedImage.TYPE_BYTE_BINARY : BufferedImage.TYPE_BYTE_GRAY);
    System.arraycopy(samples, 0, ((DataBufferByte) out.getRaster().getDataBuffer()).getData(), 0,
        length);
    return Optional.of(out);
  }

  private PageImage render(int number, PDPage page) throws IOException, InputRejected {
    PDRectangle box = page.getCropBox();
    boolean turned = page.getRotation() % 180 != 0;
    double width = (turned ? box.getHeight() : box.getWidth()) / 72 * RENDER_DPI;
    double height = (turned ? box.getWidth() : box.getHeight()) / 72 * RENDER_DPI;
    checkPixels(number, (long) width, (long) height);
    BufferedImage image = renderer.renderImageWithDPI(number - 1, RENDER_DPI, ImageType.RGB);
    return new RasterImage(number, image, new Resolution(RENDER_DPI, RENDER_DPI, false));
  }

  private Optional<PageText> embeddedText(int number, PDPage page, PageImage image,
      Optional<PageImageFinder.Placed> scan) throws IOException {
    PDRectangle box = page.getCropBox();
    double sx;
    double sy;
    double offsetX = 0;
    double offsetY = 0;
    if (scan.isPresent()) {
      Matrix m = scan.get().placement();
      sx = image.width() / m.getScaleX();
      sy = image.height() / m.getScaleY();
      offsetX = m.getTranslateX() - box.getLowerLeftX();
      // Text positions are measured down from the crop box's top; the image's top edge is here:
      offsetY = box.getUpperRightY() - (m.getTranslateY() + m.getScaleY());
    } else {
      sx = RENDER_DPI / 72.0;
      sy = sx;
    }
    double fx = offsetX;
    double fy = offsetY;
    List<TextLine> lines = EmbeddedTextReader.read(document, number,
        x -> (x - fx) * sx, y -> (y - fy) * sy, image.width(), image.height());
    int letters = lines.stream().mapToInt(l -> l.text().replace(" ", "").length()).sum();
    return letters < MIN_TEXT_CHARACTERS
        ? Optional.empty()
        : Optional.of(new PageText(image.width(), image.height(), lines, TextOrigin.EMBEDDED));
  }

  private void checkPixels(int number, long width, long height) throws InputTooLarge {
    if (width * height > limits.maxPixels()) {
      throw new InputTooLarge(String.format(
          "page %d would be %d×%d pixels (%.0f megapixels); the limit is %.0f megapixels",
          number, width, height, width * height / 1e6, limits.maxPixels() / 1e6),
          "check the page size in a PDF viewer, or raise --max-pixels");
    }
  }

  @Override
  public void close() {
    try {
      document.close();
    } catch (IOException e) {
      throw new IllegalStateException("closing the PDF failed", e);
    }
  }

  private static void closeQuietly(PDDocument document, Exception primary) {
    try {
      document.close();
    } catch (IOException e) {
      primary.addSuppressed(e);
    }
  }
}
