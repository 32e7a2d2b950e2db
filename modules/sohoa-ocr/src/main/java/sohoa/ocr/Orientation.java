package sohoa.ocr;

import java.util.Optional;

/**
 * How a page's orientation was decided, and on what evidence: the manifest keeps it, so that a
 * clerk who finds a page turned (or not) can see why, and a page sohoa was unsure of is flagged.
 *
 * @param quarterTurns clockwise quarter turns the scan was given to read it upright
 * @param decidedBy {@code lines} (the lines of print ran across and stood upright: no turn),
 *     {@code lines+reading} (the lines called for a turn and a reading each way confirmed it),
 *     {@code osd} (the lines did not show; Tesseract's orientation detection decided),
 *     {@code reading} (the page was read both ways up and the surer reading kept), or
 *     {@code kept-as-scanned} (a turn was called for but not confirmed: the scan stays as it is)
 * @param lines which way the lines of print ran on the scan: {@code across}, {@code down} or
 *     {@code unclear}
 * @param confidence the mean word confidence of the reading kept
 * @param otherConfidence the mean word confidence of the reading the other way, when the page was
 *     read twice
 * @param unsure the evidence disagreed: the page should be looked at
 */
public record Orientation(int quarterTurns, String decidedBy, String lines, float confidence,
    Optional<Float> otherConfidence, boolean unsure) {
  public Orientation {
    if (quarterTurns < 0 || quarterTurns > 3) {
      throw new IllegalArgumentException("quarter turns must be 0..3, got " + quarterTurns);
    }
  }
}
