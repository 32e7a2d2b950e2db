package sohoa.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sohoa.core.ocr.OcrEngine;
import sohoa.core.text.Box;
import sohoa.core.text.PageText;
import sohoa.core.text.TextLine;
import sohoa.core.text.TextOrigin;
import sohoa.core.text.Word;
import sohoa.testkit.fixtures.Fixtures;
import sohoa.testkit.fixtures.ScanDefects;

/**
 * The engine's layout passing over a line, as Tesseract's does with a header's number or date at
 * some angles: played by an engine that reads the whole page without that line, and a piece cut
 * from the page as the line's words (where they stand in the piece) with the confidence given.
 */
class MissedLinesTest {
  private static final int DPI = 300;
  private static final Fixtures.Rendered NOTICE =
      Fixtures.render(Fixtures.NOTICE, DPI, ScanDefects.NONE);
  /** The notice's third printed line: the number and symbol, under the agency. */
  private static final int MISSED = 2;

  private static OcrEngine passingOver(float confidenceOnItsOwn) {
    PageText printed = NOTICE.printed().get(0);
    List<TextLine> without = new ArrayList<>(printed.lines());
    TextLine missed = without.remove(MISSED);
    return new OcrEngine() {
      @Override
      public PageText recognize(BufferedImage page, int dpi) {
        if (page.getWidth() == printed.width()) {
          return new PageText(printed.width(), printed.height(), without, TextOrigin.OCR);
        }
        // A piece: the line's words, placed from its left and top edges, a margin in.
        Box first = missed.box();
        int margin = (int) Math.round(0.12 * dpi);
        List<Word> words = missed.words().stream().map(w -> new Word(w.text(), new Box(
            w.box().left() - first.left() + margin, w.box().top() - first.top() + margin,
            w.box().right() - first.left() + margin, w.box().bottom() - first.top() + margin),
            confidenceOnItsOwn)).toList();
        return new PageText(page.getWidth(), page.getHeight(), List.of(new TextLine(words)),
            TextOrigin.OCR);
      }

      @Override
      public int uprightTurns(BufferedImage page, int dpi) {
        return 0;
      }

      @Override
      public String description() {
        return "an engine whose layout passes over a line";
      }

      @Override
      public void close() {}
    };
  }

  @Test
  void recover_readsALinePassedOverOnItsOwn_andPutsItBackInItsPlace() throws Exception {
    try (EnginePool engines = new EnginePool(1, () -> passingOver(93f))) {
      BufferedImage page = NOTICE.pages().get(0);
      PageText read = engines.recognize(page, DPI);

      PageText recovered = MissedLines.recover(page, DPI, read, engines);

      assertEquals(NOTICE.printed().get(0).plainText(), recovered.plainText(),
          "the number line is back, between the agency and what follows it");
      Box missed = NOTICE.printed().get(0).lines().get(MISSED).box();
      Box placed = recovered.lines().get(MISSED).box();
      assertTrue(Math.abs(placed.left() - missed.left()) <= 20
          && Math.abs(placed.top() - missed.top()) <= 20, placed + " against " + missed);
    }
  }

  @Test
  void recover_leavesOutWhatItIsUnsureOf_onALineReadAgain() throws Exception {
    try (EnginePool engines = new EnginePool(1, () -> passingOver(40f))) {
      BufferedImage page = NOTICE.pages().get(0);
      PageText read = engines.recognize(page, DPI);

      assertEquals(read.plainText(), MissedLines.recover(page, DPI, read, engines).plainText());
    }
  }

  @Test
  void recover_leavesAPageWhoseLinesWereAllReadAsItIs() throws Exception {
    PageText printed = NOTICE.printed().get(0);
    try (EnginePool engines = new EnginePool(1, () -> passingOver(93f))) {
      assertEquals(printed, MissedLines.recover(NOTICE.pages().get(0), DPI, printed, engines));
    }
  }
}
