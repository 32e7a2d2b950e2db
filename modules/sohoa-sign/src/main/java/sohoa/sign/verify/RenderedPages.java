package sohoa.sign.verify;

import com.itextpdf.kernel.geom.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * One revision of a PDF rendered page by page as a reader sees it, to compare the document as
 * signed with the document as it is. Form and signature widgets are left out of the comparison
 * (the revision comparison judges them object by object: a later signature's appearance, a form
 * filled in where allowed); every other annotation is drawn. Pages are kept as digests of their
 * pixels, so that a long document is compared without holding its pictures.
 */
final class RenderedPages implements AutoCloseable {
  /** Enough to see a changed word or figure; small enough to render hundreds of pages. */
  private static final float DPI = 50;
  /** The share of dark pixels under an area above which something printed is there. */
  private static final double INK = 0.02;

  private final PDDocument document;
  private final PDFRenderer withoutWidgets;
  private final PDFRenderer bare;
  private final Map<Integer, byte[]> digests = new HashMap<>();

  private RenderedPages(PDDocument document) {
    this.document = document;
    this.withoutWidgets = new PDFRenderer(document);
    withoutWidgets.setSubsamplingAllowed(true);
    withoutWidgets.setAnnotationsFilter(a -> !(a instanceof PDAnnotationWidget));
    this.bare = new PDFRenderer(document);
    bare.setSubsamplingAllowed(true);
    bare.setAnnotationsFilter(a -> false);
  }

  /** Reads a revision; its streams are cached in temporary files, not the heap. */
  static RenderedPages of(byte[] pdf) throws IOException {
    return new RenderedPages(Loader.loadPDF(pdf, "", null, null,
        IOUtils.createTempFileOnlyStreamCache()));
  }

  int count() {
    return document.getNumberOfPages();
  }

  /**
   * Whether page {@code number} (from 1) looks the same in both, but for the areas (PDF units) of
   * {@code changed}: where allowed changes draw.
   */
  boolean sameAs(RenderedPages other, int number, List<Rectangle> changed) throws IOException {
    if (changed.isEmpty()) {
      return MessageDigest.isEqual(digest(number), other.digest(number));
    }
    BufferedImage mine = withoutWidgets.renderImageWithDPI(number - 1, DPI, ImageType.RGB);
    BufferedImage theirs = other.withoutWidgets.renderImageWithDPI(number - 1, DPI,
        ImageType.RGB);
    if (mine.getWidth() != theirs.getWidth() || mine.getHeight() != theirs.getHeight()) {
      return false;
    }
    List<int[]> areas = changed.stream().map(box -> pixels(number, box, mine)).toList();
    for (int y = 0; y < mine.getHeight(); y++) {
      for (int x = 0; x < mine.getWidth(); x++) {
        if (mine.getRGB(x, y) != theirs.getRGB(x, y) && !inside(areas, x, y)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean inside(List<int[]> areas, int x, int y) {
    for (int[] a : areas) {
      // One pixel around: anti-aliasing at the area's edge.
      if (x >= a[0] - 1 && x <= a[1] && y >= a[2] - 1 && y <= a[3]) {
        return true;
      }
    }
    return false;
  }

  /** The box as {left, right, top, bottom} pixels of the page's picture. */
  private int[] pixels(int number, Rectangle box, BufferedImage image) {
    PDRectangle crop = document.getPage(number - 1).getCropBox();
    double scale = DPI / 72.0;
    return new int[] {
        clamp((box.getLeft() - crop.getLowerLeftX()) * scale, image.getWidth()),
        clamp((box.getRight() - crop.getLowerLeftX()) * scale, image.getWidth()),
        clamp((crop.getUpperRightY() - box.getTop()) * scale, image.getHeight()),
        clamp((crop.getUpperRightY() - box.getBottom()) * scale, image.getHeight())};
  }

  private byte[] digest(int number) throws IOException {
    byte[] known = digests.get(number);
    if (known != null) {
      return known;
    }
    BufferedImage image = withoutWidgets.renderImageWithDPI(number - 1, DPI, ImageType.RGB);
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
    int[] row = new int[image.getWidth()];
    ByteBuffer bytes = ByteBuffer.allocate(row.length * 4);
    sha.update(ByteBuffer.allocate(8).putInt(image.getWidth()).putInt(image.getHeight()).array());
    for (int y = 0; y < image.getHeight(); y++) {
      image.getRGB(0, y, row.length, 1, row, 0, row.length);
      bytes.clear();
      bytes.asIntBuffer().put(row);
      sha.update(bytes.array());
    }
    byte[] digest = sha.digest();
    digests.put(number, digest);
    return digest;
  }

  /**
   * Whether something was printed in the area {@code box} (PDF units) of page {@code number},
   * annotations left out: more than {@link #INK} of it is dark.
   */
  boolean printedUnder(int number, Rectangle box) throws IOException {
    PDPage page = document.getPage(number - 1);
    if (page.getRotation() % 360 != 0) {
      // The box is in unrotated page space; a rotated page's picture is turned: judged as
      // printed, the safe side.
      return true;
    }
    BufferedImage image = bare.renderImageWithDPI(number - 1, DPI, ImageType.GRAY);
    int[] area = pixels(number, box, image);
    long dark = 0;
    long all = 0;
    for (int y = area[2]; y < area[3]; y++) {
      for (int x = area[0]; x < area[1]; x++) {
        all++;
        if ((image.getRaster().getSample(x, y, 0)) < 128) {
          dark++;
        }
      }
    }
    return all > 0 && dark > INK * all;
  }

  private static int clamp(double value, int size) {
    return (int) Math.max(0, Math.min(size, Math.round(value)));
  }

  @Override
  public void close() throws IOException {
    document.close();
  }
}
