package sohoa.sign.verify;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One change made after a signature, and whether that signature's permissions allow it.
 *
 * @param kind what class of thing changed
 * @param page the page it is on, when it is on one
 * @param description what changed, naming the object where there is one
 * @param allowed whether PAdES and the signature's DocMDP/FieldMDP permissions allow it
 */
record Change(ChangeClass kind, OptionalInt page, String description, boolean allowed) {
  Change {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(page, "page");
    Objects.requireNonNull(description, "description");
  }

  static Change allowed(ChangeClass kind, String description) {
    return new Change(kind, OptionalInt.empty(), description, true);
  }

  static Change refused(ChangeClass kind, OptionalInt page, String description) {
    return new Change(kind, page, description, false);
  }

  /** Each difference found as a refused change of {@code kind}, on {@code page} if on one. */
  static List<Change> refusedEach(ChangeClass kind, OptionalInt page, List<String> differences) {
    String on = page.isPresent() ? "page " + page.getAsInt() + ": " : "";
    return differences.stream().map(d -> refused(kind, page, on + d)).toList();
  }

  /** As the report lists it: {@code allowed: …} or {@code not allowed: … [class]}. */
  String text() {
    return allowed ? "allowed: " + description
        : "not allowed: " + description + " [" + kind.label() + "]";
  }
}
