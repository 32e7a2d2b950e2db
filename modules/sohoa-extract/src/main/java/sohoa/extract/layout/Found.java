package sohoa.extract.layout;

import java.util.List;
import java.util.Optional;
import sohoa.core.text.Box;
import sohoa.extract.fields.Field;
import sohoa.extract.fields.FieldName;

/**
 * Where a field's value was read from: the segments it came from. Turns a value into a
 * {@link Field} with their page, box and confidence.
 */
public record Found(List<Segment> from) {
  /** How much a reading that needed OCR noise put right is trusted, relative to a clean one. */
  public static final double REPAIRED = 0.75;

  public Found {
    if (from.isEmpty()) {
      throw new IllegalArgumentException("a value is found somewhere");
    }
    from = List.copyOf(from);
  }

  public static Found in(Segment segment) {
    return new Found(List.of(segment));
  }

  public Field field(FieldName name, String value) {
    return field(name, value, false);
  }

  public Field field(FieldName name, String value, boolean repaired) {
    int page = from.get(0).page();
    Box box = from.stream().filter(s -> s.page() == page).map(Segment::box).reduce(Box::union)
        .orElseThrow();
    double confidence = from.stream().mapToDouble(Segment::confidence).average().orElse(0);
    return new Field(name, value, Math.min(1, confidence * (repaired ? REPAIRED : 1)), page,
        Optional.of(box));
  }
}
