package sohoa.ocr.preprocess;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import sohoa.testkit.fixtures.Fixtures;
import sohoa.testkit.fixtures.ScanDefects;

class UpDownTest {
  private static BufferedImage upright;

  @BeforeAll
  static void render() {
    upright = Fixtures.render(Fixtures.NOTICE, 300, ScanDefects.NONE).pages().get(0);
  }

  @Test
  void of_uprightVietnamesePage_isUpright() {
    assertEquals(UpDown.UPRIGHT, UpDown.of(LineBands.of(upright)));
  }

  @Test
  void of_pageTurnedHalfWay_isUpsideDown() {
    assertEquals(UpDown.UPSIDE_DOWN, UpDown.of(LineBands.of(QuarterTurns.clockwise(upright, 2))));
  }

  @Test
  void of_blankPage_isUnclear() {
    BufferedImage blank = new BufferedImage(2480, 3508, BufferedImage.TYPE_BYTE_GRAY);
    blank.getGraphics().fillRect(0, 0, 2480, 3508);

    assertEquals(UpDown.UNCLEAR, UpDown.of(LineBands.of(blank)));
  }
}
