package sohoa.ocr.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import sohoa.core.text.Box;
import sohoa.core.text.TextLine;
import sohoa.testkit.fixtures.Fixtures;
import sohoa.testkit.fixtures.ScanDefects;

class PrintLinesTest {
  private static final int DPI = 300;

  @Test
  void of_findsEveryPrintedLine_theHeaderColumnsApart_andNothingElse() {
    Fixtures.Rendered notice = Fixtures.render(Fixtures.NOTICE, DPI, ScanDefects.NONE);
    BufferedImage page = Grayscale.of(notice.pages().get(0));
    // A seal's disc and a signature's stroke beside the signer, and a rule under the header:
    // none of them is a line of print.
    Graphics2D g = page.createGraphics();
    g.setColor(Color.BLACK);
    g.fillOval(1500, 2700, 450, 450);
    g.fillRect(300, 560, 600, 4);
    g.dispose();

    List<Box> found = PrintLines.of(page, DPI);

    List<TextLine> printed = notice.printed().get(0).lines();
    for (TextLine line : printed) {
      Box box = line.box();
      int x = (box.left() + box.right()) / 2;
      int y = (box.top() + box.bottom()) / 2;
      assertTrue(found.stream().anyMatch(f -> f.left() <= x && x < f.right() && f.top() <= y
          && y < f.bottom()), "no line found where \"" + line.text() + "\" is printed: " + found);
    }
    assertEquals(printed.size(), found.size(), "one box per printed line: " + found);
  }
}
