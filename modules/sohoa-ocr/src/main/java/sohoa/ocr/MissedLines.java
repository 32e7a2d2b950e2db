package sohoa.ocr;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import sohoa.core.error.SohoaException;
import sohoa.core.text.Box;
import sohoa.core.text.PageText;
import sohoa.core.text.TextLine;
import sohoa.core.text.Word;
import sohoa.ocr.preprocess.Grayscale;
import sohoa.ocr.preprocess.PrintLines;

/**
 * Lines of print that the engine's layout analysis passed over, read again on their own. Tesseract
 * sometimes leaves out a whole line, most often a short one in the header (the number and symbol,
 * the place and date), and whether it does changes with the page's angle by a tenth of a degree;
 * a record whose số ký hiệu or date is missing from its text cannot be found by them. A line of
 * print with no word read on it is cut out with a margin and read by itself; what the engine is
 * sure of there is added to the page, in its place in the reading order.
 */
final class MissedLines {
  /** Words read on a recovered line below this confidence are left out: seals, scribbles. */
  private static final float SURE = 75f;
  /** The margin (inches) around a line cut out to be read again. */
  private static final double MARGIN = 0.12;

  private MissedLines() {}

  static PageText recover(BufferedImage page, int dpi, PageText read, EnginePool engines)
      throws SohoaException {
    List<TextLine> recovered = new ArrayList<>();
    for (Box line : PrintLines.of(Grayscale.of(page), dpi)) {
      if (covered(line, read)) {
        continue;
      }
      int margin = (int) Math.round(MARGIN * dpi);
      int left = Math.max(0, line.left() - margin);
      int top = Math.max(0, line.top() - margin);
      int right = Math.min(page.getWidth(), line.right() + margin);
      int bottom = Math.min(page.getHeight(), line.bottom() + margin);
      PageText again = engines.recognize(cut(page, left, top, right, bottom), dpi);
      for (TextLine found : again.lines()) {
        List<Word> words = new ArrayList<>();
        for (Word word : found.words()) {
          if (word.confidence() >= SURE) {
            Box box = word.box();
            words.add(new Word(word.text(), new Box(box.left() + left, box.top() + top,
                box.right() + left, box.bottom() + top), word.confidence()));
          }
        }
        if (!words.isEmpty()) {
          recovered.add(new TextLine(words));
        }
      }
    }
    if (recovered.isEmpty()) {
      return read;
    }
    List<TextLine> lines = new ArrayList<>(read.lines());
    recovered.sort(Comparator.comparingInt(l -> l.box().top()));
    for (TextLine line : recovered) {
      int at = 0;
      while (at < lines.size() && lines.get(at).box().top() <= line.box().top()) {
        at++;
      }
      lines.add(at, line);
    }
    return new PageText(read.width(), read.height(), lines, read.origin());
  }

  /** Whether a word read on the page has its centre on {@code line}. */
  private static boolean covered(Box line, PageText read) {
    for (Word word : read.words()) {
      Box box = word.box();
      int x = (box.left() + box.right()) / 2;
      int y = (box.top() + box.bottom()) / 2;
      if (x >= line.left() && x < line.right() && y >= line.top() && y < line.bottom()) {
        return true;
      }
    }
    return false;
  }

  private static BufferedImage cut(BufferedImage page, int left, int top, int right, int bottom) {
    BufferedImage part = new BufferedImage(right - left, bottom - top, page.getType() == 0
        ? BufferedImage.TYPE_BYTE_GRAY : page.getType());
    Graphics2D g = part.createGraphics();
    g.drawImage(page, -left, -top, null);
    g.dispose();
    return part;
  }
}
