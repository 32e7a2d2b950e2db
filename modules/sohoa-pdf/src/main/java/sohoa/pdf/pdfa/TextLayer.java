package sohoa.pdf.pdfa;

import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.kernel.pdf.canvas.PdfCanvasConstants.TextRenderingMode;
import java.util.List;
import sohoa.core.text.Box;
import sohoa.core.text.PageText;
import sohoa.core.text.TextLine;
import sohoa.core.text.Word;

/**
 * A page's invisible text: each word spread over the printed word it was read from, followed by
 * a space within its line, as Tesseract's own PDF renderer does. Readers of the text (pdftotext,
 * a viewer's copy) find spaces by the gaps between shown words, and without the space glyph they
 * joined a word to a short one close after it ("nhóm5" for "nhóm 5").
 */
final class TextLayer {
  /** Share of a text line's box height that is the font size (the rest is diacritics and descenders). */
  private static final float LINE_TO_FONT = 1f / 1.25f;
  /** The text layer font's descent as a share of its size, to put the baseline above the box bottom. */
  private static final float DESCENT = 0.22f;

  private final PdfCanvas canvas;
  private final PdfFont font;
  private final float width;
  private final float height;
  private final float cos;
  private final float sin;

  /**
   * Over a page of {@code width}×{@code height} points whose scan is skewed by
   * {@code skewDegrees}.
   */
  TextLayer(PdfCanvas canvas, PdfFont font, float width, float height, double skewDegrees) {
    this.canvas = canvas;
    this.font = font;
    this.width = width;
    this.height = height;
    double skew = Math.toRadians(skewDegrees);
    this.cos = (float) Math.cos(skew);
    this.sin = (float) Math.sin(skew);
  }

  void write(PageText text) {
    canvas.beginText().setTextRenderingMode(TextRenderingMode.INVISIBLE);
    Placement at = new Placement(width / text.width(), height / text.height(),
        text.width() / 2f, text.height() / 2f);
    for (TextLine line : text.lines()) {
      Box lineBox = line.box();
      float size = Math.max(1f, lineBox.height() * at.scaleY * LINE_TO_FONT);
      float baseline = lineBox.bottom() - size * DESCENT / at.scaleY;
      canvas.setFontAndSize(font, size);
      List<Word> words = line.words();
      for (int i = 0; i < words.size(); i++) {
        Box box = words.get(i).box();
        String shown = printable(words.get(i).text());
        if (i + 1 < words.size() && !shown.isEmpty()) {
          // The engine's boxes may touch ("nhóm" ends where "5" starts), so the gap alone tells
          // the readers nothing: the word and its space are spread together up to the next word.
          show(shown + " ", size, at, baseline, box.left(),
              Math.max(box.right(), words.get(i + 1).box().left()));
        } else {
          show(shown, size, at, baseline, box.left(), box.right());
        }
      }
    }
    canvas.endText();
  }

  /** From pixels of the straightened page read to points of the PDF page. */
  private record Placement(float scaleX, float scaleY, float cx, float cy) {}

  /** Shows {@code shown} spread from {@code left} to {@code right} (pixels) along the baseline. */
  private void show(String shown, float size, Placement at, float baseline, int left,
      int right) {
    float natural = font.getWidth(shown, size);
    if (shown.isEmpty() || natural <= 0) {
      return;
    }
    // The straightened page was the upright page rotated back by the skew about its centre; turn
    // each baseline point forward again (y grows downwards in pixels).
    float dx = left - at.cx;
    float dy = baseline - at.cy;
    float x = (at.cx + dx * cos - dy * sin) * at.scaleX;
    float y = height - (at.cy + dx * sin + dy * cos) * at.scaleY;
    canvas.setHorizontalScaling(100f * (right - left) * at.scaleX / natural);
    canvas.setTextMatrix(cos, -sin, sin, cos, x, y);
    canvas.showText(shown);
  }

  /** Drops characters the font cannot map: PDF/A forbids showing the .notdef glyph. */
  private String printable(String text) {
    StringBuilder kept = new StringBuilder();
    text.codePoints().filter(font::containsGlyph).forEach(kept::appendCodePoint);
    return kept.toString();
  }
}
