package sohoa.testkit.ocr;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.util.ArrayList;
import java.util.List;
import sohoa.core.ocr.EngineFactory;
import sohoa.core.ocr.OcrEngine;
import sohoa.core.text.PageText;
import sohoa.core.text.TextOrigin;
import sohoa.testkit.fixtures.Fixtures;

/**
 * An OCR engine for tests that are not about OCR (certifying, serving, auditing, reporting): it
 * reads a page rendered by {@link Fixtures} as exactly what was printed on it, in the boxes it
 * was printed in, and any other page as blank, at once. Tesseract costs seconds a page and loads
 * its model for every engine; such a test needs a document's text, not its reading.
 *
 * <p>A page is known by its picture: the image the pipeline hands the engine (grey, straightened,
 * perhaps enlarged) is shrunk to a thumbnail and matched with the nearest of the rendered pages',
 * so a fixture printed at another resolution, or with a little noise, is still known. Pages
 * rendered turned or skewed are read upright but their boxes are only approximate.
 */
public final class ScriptedEngine implements OcrEngine {
  private static final int THUMB_WIDTH = 48;
  private static final int THUMB_HEIGHT = 68;
  /**
   * How closely the ink of a page's thumbnail must follow a rendered page's for the two to be
   * the same page (Pearson's correlation): a blank page, having no ink, is never a match.
   */
  private static final double SAME_PAGE = 0.8;

  private record Known(double aspect, int[] thumbnail, PageText printed) {}

  private final List<Known> pages;

  private ScriptedEngine(List<Known> pages) {
    this.pages = pages;
  }

  /** Engines that read {@code documents}' pages as printed, and anything else as blank. */
  public static EngineFactory reading(Fixtures.Rendered... documents) {
    List<Known> known = new ArrayList<>();
    for (Fixtures.Rendered document : documents) {
      for (int i = 0; i < document.pages().size(); i++) {
        BufferedImage page = document.pages().get(i);
        known.add(new Known(aspect(page), thumbnail(page), document.printed().get(i)));
      }
    }
    List<Known> pages = List.copyOf(known);
    return () -> new ScriptedEngine(pages);
  }

  @Override
  public PageText recognize(BufferedImage page, int dpi) {
    int[] thumbnail = thumbnail(page);
    double aspect = aspect(page);
    Known best = null;
    double closest = SAME_PAGE;
    for (Known known : pages) {
      if (Math.abs(known.aspect - aspect) > 0.05) {
        continue;
      }
      double similarity = correlation(known.thumbnail, thumbnail);
      if (similarity >= closest) {
        closest = similarity;
        best = known;
      }
    }
    return best != null
        ? best.printed.resizedTo(page.getWidth(), page.getHeight())
        : PageText.empty(page.getWidth(), page.getHeight(), TextOrigin.OCR);
  }

  /** Pages are read as printed: upright. */
  @Override
  public int uprightTurns(BufferedImage page, int dpi) {
    return 0;
  }

  @Override
  public String description() {
    return "scripted engine (tests)";
  }

  @Override
  public void close() {}

  private static double aspect(BufferedImage page) {
    return (double) page.getWidth() / page.getHeight();
  }

  /**
   * The page's grey levels averaged over a {@code THUMB_WIDTH} by {@code THUMB_HEIGHT} grid: each
   * cell the mean of the pixels that fall in it. Summed row by row from the raster; AWT's
   * area-averaging scaler gives the same picture but asks the colour model for every pixel, and
   * took a fifth of the command tests' Java time.
   */
  private static int[] thumbnail(BufferedImage page) {
    Raster grey = grey(page).getRaster();
    int width = grey.getWidth();
    int height = grey.getHeight();
    long[] sums = new long[THUMB_WIDTH * THUMB_HEIGHT];
    int[] counts = new int[THUMB_WIDTH * THUMB_HEIGHT];
    int[] cellOf = new int[width];
    for (int x = 0; x < width; x++) {
      cellOf[x] = (int) ((long) x * THUMB_WIDTH / width);
    }
    int[] row = new int[width];
    for (int y = 0; y < height; y++) {
      grey.getSamples(0, y, width, 1, 0, row);
      int first = (int) ((long) y * THUMB_HEIGHT / height) * THUMB_WIDTH;
      for (int x = 0; x < width; x++) {
        sums[first + cellOf[x]] += row[x];
        counts[first + cellOf[x]]++;
      }
    }
    int[] thumbnail = new int[sums.length];
    for (int i = 0; i < sums.length; i++) {
      thumbnail[i] = counts[i] == 0 ? 255 : (int) (sums[i] / counts[i]);
    }
    return thumbnail;
  }

  private static BufferedImage grey(BufferedImage page) {
    if (page.getType() == BufferedImage.TYPE_BYTE_GRAY) {
      return page;
    }
    BufferedImage grey = new BufferedImage(page.getWidth(), page.getHeight(),
        BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = grey.createGraphics();
    g.drawImage(page, 0, 0, null);
    g.dispose();
    return grey;
  }

  /** Pearson's correlation of two thumbnails; 0 when either is one flat grey. */
  private static double correlation(int[] a, int[] b) {
    double meanA = mean(a);
    double meanB = mean(b);
    double ab = 0;
    double aa = 0;
    double bb = 0;
    for (int i = 0; i < a.length; i++) {
      ab += (a[i] - meanA) * (b[i] - meanB);
      aa += (a[i] - meanA) * (a[i] - meanA);
      bb += (b[i] - meanB) * (b[i] - meanB);
    }
    return aa == 0 || bb == 0 ? 0 : ab / Math.sqrt(aa * bb);
  }

  private static double mean(int[] values) {
    long sum = 0;
    for (int v : values) {
      sum += v;
    }
    return (double) sum / values.length;
  }
}
