package sohoa.pdf.input;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import sohoa.core.text.Box;
import sohoa.core.text.TextLine;
import sohoa.core.text.Word;

/**
 * Reads a PDF page's own text as words with boxes. Positions come out in points from the page's
 * top-left corner and are mapped into the page image's pixels by the caller's transforms.
 */
final class EmbeddedTextReader extends PDFTextStripper {
  private final DoubleUnaryOperator toPixelX;
  private final DoubleUnaryOperator toPixelY;
  private final int width;
  private final int height;
  private final List<TextLine> lines = new ArrayList<>();
  private List<Word> line = new ArrayList<>();

  private EmbeddedTextReader(DoubleUnaryOperator toPixelX, DoubleUnaryOperator toPixelY,
      int width, int height) {
    this.toPixelX = toPixelX;
    this.toPixelY = toPixelY;
    this.width = width;
    this.height = height;
    setSortByPosition(true);
  }

  /** The page's lines of words, in an image of {@code width}×{@code height} pixels. */
  static List<TextLine> read(PDDocument document, int page, DoubleUnaryOperator toPixelX,
      DoubleUnaryOperator toPixelY, int width, int height) throws IOException {
    EmbeddedTextReader reader = new EmbeddedTextReader(toPixelX, toPixelY, width, height);
    reader.setStartPage(page);
    reader.setEndPage(page);
    reader.writeText(document, new StringWriter());
    reader.endLine();
    return reader.lines;
  }

  @Override
  protected void writeString(String text, List<TextPosition> positions) {
    List<TextPosition> word = new ArrayList<>();
    TextPosition previous = null;
    for (TextPosition glyph : positions) {
      boolean space = glyph.getUnicode().isBlank();
      boolean gap = previous != null && glyph.getXDirAdj()
          - (previous.getXDirAdj() + previous.getWidthDirAdj()) > 0.25 * size(glyph);
      if ((space || gap) && !word.isEmpty()) {
        addWord(word);
        word = new ArrayList<>();
      }
      if (!space) {
        word.add(glyph);
      }
      previous = glyph;
    }
    if (!word.isEmpty()) {
      addWord(word);
    }
  }

  @Override
  protected void writeLineSeparator() {
    endLine();
  }

  private void endLine() {
    if (!line.isEmpty()) {
      lines.add(new TextLine(line));
      line = new ArrayList<>();
    }
  }

  private void addWord(List<TextPosition> glyphs) {
    StringBuilder text = new StringBuilder();
    double left = Double.MAX_VALUE;
    double right = -Double.MAX_VALUE;
    double top = Double.MAX_VALUE;
    double bottom = -Double.MAX_VALUE;
    for (TextPosition glyph : glyphs) {
      text.append(glyph.getUnicode());
      double size = size(glyph);
      left = Math.min(left, glyph.getXDirAdj());
      right = Math.max(right, glyph.getXDirAdj() + glyph.getWidthDirAdj());
      top = Math.min(top, glyph.getYDirAdj() - 0.8 * size);
      bottom = Math.max(bottom, glyph.getYDirAdj() + 0.2 * size);
    }
    int x0 = clamp(toPixelX.applyAsDouble(left), width - 1);
    int x1 = clamp(toPixelX.applyAsDouble(right), width);
    int y0 = clamp(toPixelY.applyAsDouble(top), height - 1);
    int y1 = clamp(toPixelY.applyAsDouble(bottom), height);
    if (x1 > x0 && y1 > y0 && !text.toString().isBlank()) {
      line.add(new Word(text.toString(), new Box(x0, y0, x1, y1), 100f));
    }
  }

  private static double size(TextPosition glyph) {
    double size = glyph.getFontSizeInPt();
    return size > 0 ? size : Math.max(1, glyph.getHeightDir());
  }

  private static int clamp(double value, int max) {
    return (int) Math.max(0, Math.min(max, Math.round(value)));
  }
}
