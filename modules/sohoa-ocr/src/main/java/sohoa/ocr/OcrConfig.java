package sohoa.ocr;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How to run OCR.
 *
 * @param languages Tesseract language codes joined by '+', e.g. {@code vie} or {@code vie+eng}
 * @param tessdata the folder that holds {@code <lang>.traineddata}
 * @param correctDiacritics whether impossible syllables with exactly one possible neighbour are
 *     corrected (they are always counted)
 * @param readingDpi scans below nine tenths of this resolution are read enlarged to it (the stored
 *     image stays as scanned); 0 reads every scan at its own resolution
 */
public record OcrConfig(String languages, Path tessdata, boolean correctDiacritics,
    int readingDpi) {
  /** The resolution Tesseract's models were trained for. */
  public static final int DEFAULT_READING_DPI = 300;

  private static final Pattern LANGUAGES = Pattern.compile("[a-z_]{3,}(\\+[a-z_]{3,})*");
  /** Debian's tesseract-ocr-* packages put their models here. */
  public static final Path DEBIAN_TESSDATA = Path.of("/usr/share/tesseract-ocr/5/tessdata");

  public OcrConfig {
    if (!LANGUAGES.matcher(languages).matches()) {
      throw new IllegalArgumentException(
          "languages must be Tesseract codes joined by '+', e.g. 'vie' or 'vie+eng'; got '"
              + languages + "'");
    }
    if (readingDpi != 0 && (readingDpi < 150 || readingDpi > 600)) {
      throw new IllegalArgumentException(
          "the reading resolution must be 0 (off) or 150 to 600 dpi, got " + readingDpi);
    }
  }

  /** Whether Vietnamese is among the languages read. */
  public boolean readsVietnamese() {
    return List.of(languages.split("\\+")).contains("vie");
  }

  public static OcrConfig vietnamese() {
    return new OcrConfig("vie", DEBIAN_TESSDATA, false, DEFAULT_READING_DPI);
  }
}
