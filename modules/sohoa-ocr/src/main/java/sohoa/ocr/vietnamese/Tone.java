package sohoa.ocr.vietnamese;

import java.util.Arrays;
import java.util.Optional;

/** The six tones (thanh điệu), each written as one combining mark over or under the vowel. */
enum Tone {
  NGANG(0),
  HUYEN('\u0300'),
  SAC('\u0301'),
  HOI('\u0309'),
  NGA('\u0303'),
  NANG('\u0323');

  private final int mark;

  Tone(int mark) {
    this.mark = mark;
  }

  int mark() {
    return mark;
  }

  static Optional<Tone> ofMark(int mark) {
    return Arrays.stream(values()).filter(t -> t.mark == mark && t != NGANG).findFirst();
  }

  /** Stop-final syllables (ending p, t, c, ch) are only ever sắc or nặng. */
  boolean fitsStopFinal() {
    return this == SAC || this == NANG;
  }
}
