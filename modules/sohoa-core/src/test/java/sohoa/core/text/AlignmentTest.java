package sohoa.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AlignmentTest {
  private static final Box TOP_LEFT = new Box(10, 20, 110, 60);

  @Test
  void toScan_noAlignment_isTheSameBox() {
    assertEquals(TOP_LEFT, Alignment.NONE.toScan(TOP_LEFT, 1000, 2000));
  }

  @Test
  void toScan_pageTurnedOnceToStandUpright_putsTheTopLeftBoxAtTheScansBottomLeft() {
    // The scan was 2000 wide and 1000 high; turned clockwise it became 1000 x 2000 upright.
    Box onScan = new Alignment(1, 0).toScan(TOP_LEFT, 1000, 2000);

    assertEquals(new Box(20, 890, 60, 990), onScan);
  }

  @Test
  void toScan_upsideDown_mirrorsBothWays() {
    assertEquals(new Box(890, 1940, 990, 1980), new Alignment(2, 0).toScan(TOP_LEFT, 1000, 2000));
  }

  @Test
  void toScan_skewedPage_movesABoxFarFromTheCentreAlongTheSkew() {
    Box right = new Box(900, 990, 1000, 1010);

    Box onScan = new Alignment(0, 2.0).toScan(right, 1000, 2000);

    // 450 px right of the centre, a 2° clockwise skew lowers it by about 450 · tan 2° ≈ 16 px.
    assertEquals(1005, onScan.top(), 3);
  }

  @Test
  void constructor_refusesATurnBeyondThree() {
    assertThrows(IllegalArgumentException.class, () -> new Alignment(4, 0));
  }
}
