package sohoa.ocr.vietnamese;

import java.util.regex.Pattern;
import sohoa.core.text.PageText;
import sohoa.core.text.Word;

/**
 * Vietnamese letters for the engine's lookalikes. Tesseract's {@code vie} model knows both Đ
 * (U+0110, Vietnamese) and Ð (U+00D0, the Icelandic eth), whose glyphs are the same, and gave the
 * eth for Đ ("CÐS"), or both for one printed letter ("CĐÐS", "QĐÐ-TTg"). Vietnamese has no eth and
 * never doubles Đ, so an eth, alone or beside a Đ, is one Đ: the text is then found by a search
 * for "CĐS".
 *
 * <p>Likewise the slash: the model also knows the fraction slash (U+2044) and the division slash
 * (U+2215), and gave them for the solidus of typewritten dates ("31⁄3"). Vietnamese records write
 * dates and a document's number and symbol (số ký hiệu, "730/QĐ-PNV") with the solidus, and a
 * search for "31/3", or the number's extraction, found nothing; they are given as "/".
 */
public final class Letters {
  private static final Pattern CAPITAL_D = Pattern.compile("[\u0110\u00D0]{2,}|\u00D0");
  private static final Pattern SMALL_D = Pattern.compile("[\u0111\u00F0]{2,}|\u00F0");
  private static final Pattern SLASH = Pattern.compile("[\u2044\u2215]");

  private Letters() {}

  /**
   * {@code page} with every run of Đ and its lookalike given as one Vietnamese Đ, and the
   * slash's lookalikes as the slash.
   */
  public static PageText vietnamese(PageText page) {
    return page.withWords(word -> new Word(vietnamese(word.text()), word.box(),
        word.confidence()));
  }

  static String vietnamese(String word) {
    String slashed = word.indexOf('\u2044') < 0 && word.indexOf('\u2215') < 0 ? word
        : SLASH.matcher(word).replaceAll("/");
    if (slashed.indexOf('\u00D0') < 0 && slashed.indexOf('\u00F0') < 0) {
      return slashed;
    }
    return SMALL_D.matcher(CAPITAL_D.matcher(slashed).replaceAll("\u0110")).replaceAll("\u0111");
  }
}
