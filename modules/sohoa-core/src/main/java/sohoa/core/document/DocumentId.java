package sohoa.core.document;

import java.util.regex.Pattern;

/**
 * A document's id: 32 hex digits taken from the SHA-256 of its original. Deriving the id from the
 * content makes processing idempotent: any worker on any machine that meets the same scan arrives
 * at the same id, so the second one finds the first one's result instead of a duplicate.
 */
public record DocumentId(String value) {
  private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

  public DocumentId {
    if (!ID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "not a document id (32 lower-case hex digits): '" + value + "'");
    }
  }

  /** Whether {@code text} is written as a document id (rather than, say, a file name). */
  public static boolean isOne(String text) {
    return text != null && ID.matcher(text).matches();
  }

  public static DocumentId of(ContentHash original) {
    return new DocumentId(original.hex().substring(0, 32));
  }

  @Override
  public String toString() {
    return value;
  }
}
