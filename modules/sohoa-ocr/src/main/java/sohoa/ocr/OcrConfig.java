package sohoa.ocr;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * How to run OCR.
 *
 * @param languages Tesseract language codes joined by '+', e.g. {@code vie} or {@code vie+eng}
 * @param tessdata the folder that holds {@code <lang>.traineddata}
 * @param correctDiacritics whether impossible syllables with exactly one possible neighbour are
 *     corrected (they are always counted)
 */
public record OcrConfig(String languages, Path tessdata, boolean correctDiacritics) {
  private static final Pattern LANGUAGES = Pattern.compile("[a-z_]{3,}(\\+[a-z_]{3,})*");
  /** Debian's tesseract-ocr-* packages put their models here. */
  public static final Path DEBIAN_TESSDATA = Path.of("/usr/share/tesseract-ocr/5/tessdata");

  public OcrConfig {
    if (!LANGUAGES.matcher(languages).matches()) {
      throw new IllegalArgumentException(
          "languages must be Tesseract codes joined by '+', e.g. 'vie' or 'vie+eng'; got '"
              + languages + "'");
    }
  }

  public static OcrConfig vietnamese() {
    return new OcrConfig("vie", DEBIAN_TESSDATA, false);
  }
}
