package sohoa.ocr.tesseract;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import net.sourceforge.tess4j.ITessAPI.TessBaseAPI;
import net.sourceforge.tess4j.ITessAPI.TessPageIterator;
import net.sourceforge.tess4j.ITessAPI.TessPageIteratorLevel;
import net.sourceforge.tess4j.ITessAPI.TessPageSegMode;
import net.sourceforge.tess4j.ITessAPI.TessResultIterator;
import net.sourceforge.tess4j.TessAPI;
import sohoa.core.error.OcrUnavailable;
import sohoa.core.error.SohoaException;
import sohoa.core.ocr.OcrEngine;
import sohoa.core.text.Box;
import sohoa.core.text.PageText;
import sohoa.core.text.TextLine;
import sohoa.core.text.TextOrigin;
import sohoa.core.text.Word;
import sohoa.ocr.OcrConfig;
import sohoa.ocr.preprocess.Grayscale;

/**
 * One Tesseract instance, initialised once with its language model and reused page after page.
 * Tess4J's {@code Tesseract.doOCR} loads and frees the model on every call, which costs more than
 * recognising an average page; this class talks to the C API through {@link TessAPI} instead. (Not
 * {@code TessAPI1}: its direct mapping binds every function at load time, including ones Debian's
 * Tesseract 5.3 does not have.)
 */
public final class TesseractEngine implements OcrEngine {
  /**
   * Below this, orientation detection is a guess. Clear pages score 15 to 25; OCRmyPDF's default
   * threshold for turning a page is 14, on the same scale.
   */
  private static final float MIN_ORIENTATION_CONFIDENCE = 8f;
  /**
   * Orientation needs the shape of lines and letters, not their detail: at 150 dpi Tesseract's
   * layout pass, most of the cost, has a quarter of a 300 dpi page's pixels to go through.
   */
  private static final int ORIENTATION_DPI = 150;

  private final TessAPI api;
  private final TessBaseAPI handle;
  private final OcrConfig config;
  private final String description;
  private TessBaseAPI orientation;

  private TesseractEngine(TessAPI api, TessBaseAPI handle, OcrConfig config, String description) {
    this.api = api;
    this.handle = handle;
    this.config = config;
    this.description = description;
  }

  /**
   * Starts an engine for the configured languages.
   *
   * @throws OcrUnavailable when libtesseract or a language model is missing, naming the package
   */
  public static TesseractEngine open(OcrConfig config) throws OcrUnavailable {
    for (String language : config.languages().split("\\+")) {
      if (!Files.isRegularFile(config.tessdata().resolve(language + ".traineddata"))) {
        throw new OcrUnavailable(
            "the Tesseract language model '" + language + "' is not in " + config.tessdata(),
            "install it (Debian: apt-get install tesseract-ocr-" + language.replace('_', '-')
                + ") or point --tessdata at the folder that holds " + language + ".traineddata",
            null);
      }
    }
    TessAPI api;
    TessBaseAPI handle;
    String version;
    try {
      api = TessAPI.INSTANCE;
      handle = api.TessBaseAPICreate();
      version = api.TessVersion();
    } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
      throw new OcrUnavailable(
          "the Tesseract library (libtesseract) cannot be loaded: " + e.getMessage(),
          "install it (Debian: apt-get install tesseract-ocr libtesseract-dev)",
          e);
    }
    if (api.TessBaseAPIInit3(handle, config.tessdata().toString(), config.languages()) != 0) {
      api.TessBaseAPIDelete(handle);
      throw new OcrUnavailable(
          "Tesseract could not load '" + config.languages() + "' from " + config.tessdata(),
          "reinstall the language packages (Debian: apt-get install --reinstall tesseract-ocr-vie)",
          null);
    }
    api.TessBaseAPISetPageSegMode(handle, TessPageSegMode.PSM_AUTO);
    quiet(api, handle);
    return new TesseractEngine(api, handle, config, "tesseract " + version + " (" + config.languages() + ")");
  }

  /** Tesseract reports its internals ("Detected 191 diacritics") on stderr unless told not to. */
  private static void quiet(TessAPI api, TessBaseAPI handle) {
    api.TessBaseAPISetVariable(handle, "debug_file", "/dev/null");
  }

  @Override
  public int uprightTurns(BufferedImage page, int dpi) throws SohoaException {
    if (orientation == null) {
      orientation = api.TessBaseAPICreate();
      if (api.TessBaseAPIInit3(orientation, config.tessdata().toString(), "osd") != 0) {
        api.TessBaseAPIDelete(orientation);
        orientation = null;
        throw new OcrUnavailable("Tesseract's orientation model 'osd' is not in "
            + config.tessdata(), "install it (Debian: apt-get install tesseract-ocr-osd)", null);
      }
      api.TessBaseAPISetPageSegMode(orientation, TessPageSegMode.PSM_OSD_ONLY);
      quiet(api, orientation);
    }
    double scale = Math.min(1.0, (double) ORIENTATION_DPI / dpi);
    BufferedImage small = textBlock(shrink(page, scale));
    setImage(orientation, small, (int) Math.round(dpi * scale));
    try {
      IntBuffer degrees = IntBuffer.allocate(1);
      FloatBuffer confidence = FloatBuffer.allocate(1);
      FloatBuffer scriptConfidence = FloatBuffer.allocate(1);
      PointerByReference script = new PointerByReference();
      if (api.TessBaseAPIDetectOrientationScript(
              orientation, degrees, confidence, script, scriptConfidence) == 0
          || confidence.get(0) < MIN_ORIENTATION_CONFIDENCE) {
        return 0;
      }
      // Tesseract gives how far the text is turned clockwise; turning it back is the rest of a
      // full clockwise turn.
      return Math.floorMod(-degrees.get(0) / 90, 4);
    } finally {
      api.TessBaseAPIClear(orientation);
    }
  }

  private void setImage(TessBaseAPI target, BufferedImage gray, int dpi) {
    byte[] pixels = ((DataBufferByte) gray.getRaster().getDataBuffer()).getData();
    ByteBuffer buffer = ByteBuffer.allocateDirect(pixels.length);
    buffer.put(pixels).flip();
    api.TessBaseAPISetImage(target, buffer, gray.getWidth(), gray.getHeight(), 1, gray.getWidth());
    api.TessBaseAPISetSourceResolution(target, dpi);
  }

  @Override
  public PageText recognize(BufferedImage page, int dpi) throws SohoaException {
    BufferedImage gray = Grayscale.of(page);
    setImage(handle, gray, dpi);
    try {
      if (api.TessBaseAPIRecognize(handle, null) != 0) {
        throw new IllegalStateException("Tesseract failed to recognise a " + gray.getWidth() + "x"
            + gray.getHeight() + " page");
      }
      return new PageText(gray.getWidth(), gray.getHeight(), readLines(), TextOrigin.OCR);
    } finally {
      api.TessBaseAPIClear(handle);
    }
  }

  private List<TextLine> readLines() {
    List<TextLine> lines = new ArrayList<>();
    TessResultIterator results = api.TessBaseAPIGetIterator(handle);
    if (results == null) {
      return lines;
    }
    try {
      TessPageIterator position = api.TessResultIteratorGetPageIterator(results);
      List<Word> line = new ArrayList<>();
      IntBuffer left = IntBuffer.allocate(1);
      IntBuffer top = IntBuffer.allocate(1);
      IntBuffer right = IntBuffer.allocate(1);
      IntBuffer bottom = IntBuffer.allocate(1);
      do {
        if (api.TessPageIteratorIsAtBeginningOf(position, TessPageIteratorLevel.RIL_TEXTLINE) != 0
            && !line.isEmpty()) {
          lines.add(new TextLine(line));
          line = new ArrayList<>();
        }
        String text = wordText(results);
        if (text.isBlank()
            || api.TessPageIteratorBoundingBox(
                    position, TessPageIteratorLevel.RIL_WORD, left, top, right, bottom) == 0
            || right.get(0) <= left.get(0) || bottom.get(0) <= top.get(0)) {
          continue;
        }
        float confidence = api.TessResultIteratorConfidence(results, TessPageIteratorLevel.RIL_WORD);
        line.add(new Word(text,
            new Box(Math.max(0, left.get(0)), Math.max(0, top.get(0)), right.get(0), bottom.get(0)),
            Math.max(0f, Math.min(100f, confidence))));
      } while (api.TessPageIteratorNext(position, TessPageIteratorLevel.RIL_WORD) != 0);
      if (!line.isEmpty()) {
        lines.add(new TextLine(line));
      }
    } finally {
      api.TessResultIteratorDelete(results);
    }
    return lines;
  }

  private String wordText(TessResultIterator results) {
    Pointer text = api.TessResultIteratorGetUTF8Text(results, TessPageIteratorLevel.RIL_WORD);
    if (text == null) {
      return "";
    }
    try {
      return text.getString(0, "UTF-8");
    } finally {
      api.TessDeleteText(text);
    }
  }

  /**
   * The middle half, along its long side, of the block where the page's ink lies: where an
   * administrative document's text is, whichever way the page lies, and few pixels for the layout
   * pass to go through. A short notice at the top of a page keeps all its lines.
   */
  private static BufferedImage textBlock(BufferedImage page) {
    Rectangle ink = Grayscale.inkBounds(page);
    int margin = 8;
    int x0 = Math.max(0, ink.x - margin);
    int y0 = Math.max(0, ink.y - margin);
    int w = Math.min(page.getWidth(), ink.x + ink.width + margin) - x0;
    int h = Math.min(page.getHeight(), ink.y + ink.height + margin) - y0;
    int x = h >= w ? x0 : x0 + w / 4;
    int y = h >= w ? y0 + h / 4 : y0;
    int cw = h >= w ? w : w / 2;
    int ch = h >= w ? h / 2 : h;
    // A copy, not getSubimage: Tesseract is handed the image's whole pixel buffer.
    BufferedImage middle = new BufferedImage(cw, ch, BufferedImage.TYPE_BYTE_GRAY);
    middle.getRaster().setDataElements(0, 0, page.getRaster().createChild(x, y, cw, ch, 0, 0, null));
    return middle;
  }

  /** A grey copy at {@code scale} of the size. */
  private static BufferedImage shrink(BufferedImage image, double scale) {
    if (scale >= 1.0) {
      return Grayscale.of(image);
    }
    int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
    int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
    BufferedImage gray = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = gray.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(image, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return gray;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public void close() {
    api.TessBaseAPIEnd(handle);
    api.TessBaseAPIDelete(handle);
    if (orientation != null) {
      api.TessBaseAPIEnd(orientation);
      api.TessBaseAPIDelete(orientation);
    }
  }
}
