package sohoa.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageTextTest {

  @Test
  void resizedTo_scalesEveryBoxAndKeepsTextAndConfidence() {
    PageText read = new PageText(3000, 4500, List.of(new TextLine(List.of(
        new Word("Quyết", new Box(300, 450, 600, 510), 91f),
        new Word("định", new Box(630, 450, 2999, 4499), 88f)))), TextOrigin.OCR);

    PageText onScan = read.resizedTo(2000, 3000);

    assertEquals(2000, onScan.width());
    assertEquals(3000, onScan.height());
    Word first = onScan.words().get(0);
    assertEquals(new Box(200, 300, 400, 340), first.box());
    assertEquals("Quyết", first.text());
    assertEquals(91f, first.confidence());
    assertEquals(new Box(420, 300, 2000, 3000), onScan.words().get(1).box());
  }
}
