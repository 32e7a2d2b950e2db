package sohoa.catalog;

import java.util.Optional;
import sohoa.core.text.Box;

/** One field of a document as the catalog keeps it (the value is also stored folded). */
public record FieldRecord(String name, String value, double confidence, int page,
    Optional<Box> box) {}
