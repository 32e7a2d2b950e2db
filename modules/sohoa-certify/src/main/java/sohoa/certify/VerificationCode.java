package sohoa.certify;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.itextpdf.barcodes.BarcodeQRCode;
import com.itextpdf.barcodes.qrcode.EncodeHintType;
import com.itextpdf.barcodes.qrcode.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import sohoa.core.error.CertificationFailure;

/**
 * The QR code on a certified copy (mã QR kiểm tra) that leads to its verification page, read
 * back before it is placed.
 *
 * <p>The encoder picks its mask pattern on the standard's penalty score alone, and for about one
 * address in 150 the pattern it picks is one that ZXing's single-code reader, the decoder many
 * scanning apps embed, does not find at any scale; for others a run of data modules looks enough
 * like a finder pattern, at some scales, to draw it away. A copy's QR code is printed and
 * photographed for years, so each candidate is decoded here at a range of scales, and where it
 * does not read, the next size up (which moves every module, and so the mask choice) is tried.
 */
final class VerificationCode {
  /** A code of 110 pt seen at 100 to 300 dpi, as on screen, printed and scanned, or by phone. */
  private static final double[] PIXELS_PER_MODULE = {3, 4.4, 5.4, 6.3, 7.7};
  private static final int QUIET_ZONE_MODULES = 4;
  private static final int SIZES_TO_TRY = 4;
  private static final Map<DecodeHintType, Object> DECODING = Map.of(DecodeHintType.TRY_HARDER,
      true, DecodeHintType.POSSIBLE_FORMATS, List.of(BarcodeFormat.QR_CODE));

  private VerificationCode() {}

  /** A QR code for {@code url}, error correction M, that ZXing reads back as {@code url}. */
  static BarcodeQRCode legibleFor(String url) throws CertificationFailure {
    // The encoder's minimum-version hint does not map one to one onto the version it picks, so
    // the hint is raised until the code grows, and each new size is read back.
    List<Integer> sizesTried = new ArrayList<>();
    for (int minimum = 1; minimum <= 40 && sizesTried.size() < SIZES_TO_TRY; minimum++) {
      BarcodeQRCode code = new BarcodeQRCode(url, Map.of(EncodeHintType.ERROR_CORRECTION,
          ErrorCorrectionLevel.M, EncodeHintType.MIN_VERSION_NR, minimum));
      int size = size(code);
      if (sizesTried.contains(size)) {
        continue;
      }
      sizesTried.add(size);
      if (readsBackAs(code, url)) {
        return code;
      }
    }
    throw new CertificationFailure("no QR code for the verification address " + url
        + " could be read back, in sizes of " + sizesTried + " modules",
        "report this address to the sohoa maintainers; a shorter verification base address "
            + "also avoids it", null);
  }

  /**
   * Whether ZXing finds the code and decodes it to {@code url} at each of a range of scales,
   * drawn with anti-aliasing as a renderer or camera sees it; the detector's misses depend on
   * how module edges fall on pixels, so one clean scale is not enough.
   */
  static boolean readsBackAs(BarcodeQRCode code, String url) {
    boolean[][] modules = modules(code);
    for (double scale : PIXELS_PER_MODULE) {
      BufferedImage image = render(modules, scale);
      int width = image.getWidth();
      int height = image.getHeight();
      try {
        String text = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
            new RGBLuminanceSource(width, height,
                image.getRGB(0, 0, width, height, null, 0, width)))), DECODING).getText();
        if (!text.equals(url)) {
          return false;
        }
      } catch (ReaderException e) {
        return false;
      }
    }
    return true;
  }

  /** The modules across. */
  private static int size(BarcodeQRCode code) {
    return (int) code.getBarcodeSize().getWidth();
  }

  /** The dark modules, row by row. */
  private static boolean[][] modules(BarcodeQRCode code) {
    int size = size(code);
    BufferedImage matrix = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = matrix.createGraphics();
    try {
      graphics.drawImage(code.createAwtImage(Color.BLACK, Color.WHITE), 0, 0, null);
    } finally {
      graphics.dispose();
    }
    boolean[][] dark = new boolean[size][size];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        dark[y][x] = (matrix.getRGB(x, y) & 0xff) < 128;
      }
    }
    return dark;
  }

  /** The modules as squares of {@code scale} pixels, off the pixel grid, in a quiet zone. */
  private static BufferedImage render(boolean[][] modules, double scale) {
    int side = (int) Math.ceil((modules.length + 2 * QUIET_ZONE_MODULES) * scale);
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    try {
      graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING,
          RenderingHints.VALUE_ANTIALIAS_ON);
      graphics.setColor(Color.WHITE);
      graphics.fillRect(0, 0, side, side);
      graphics.setColor(Color.BLACK);
      double origin = QUIET_ZONE_MODULES * scale + 0.37;
      for (int y = 0; y < modules.length; y++) {
        for (int x = 0; x < modules.length; x++) {
          if (modules[y][x]) {
            graphics.fill(new Rectangle2D.Double(origin + x * scale, origin + y * scale, scale,
                scale));
          }
        }
      }
    } finally {
      graphics.dispose();
    }
    return image;
  }
}
