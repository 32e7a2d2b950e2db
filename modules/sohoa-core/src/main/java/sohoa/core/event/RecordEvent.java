package sohoa.core.event;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Something other systems may want to hear about a record without polling: a document
 * digitised or signed, a certified copy issued. Delivered at least once; {@code subject} (the
 * document or copy id) with {@code type} is what a subscriber deduplicates on.
 *
 * @param type what happened, e.g. {@code document.digitised}
 * @param subject the document id or copy id it happened to
 * @param hashes SHA-256 (hex) of the artifacts involved, by artifact name
 * @param at when it happened
 */
public record RecordEvent(Type type, String subject, Map<String, String> hashes, Instant at) {
  public RecordEvent {
    Objects.requireNonNull(type, "type");
    if (subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("an event needs the id of what it is about");
    }
    hashes = Map.copyOf(hashes);
    Objects.requireNonNull(at, "at");
  }

  /** The kinds of event, with the routing key each is published under. */
  public enum Type {
    DOCUMENT_DIGITISED("document.digitised"),
    DOCUMENT_SIGNED("document.signed"),
    COPY_ISSUED("copy.issued");

    private final String key;

    Type(String key) {
      this.key = key;
    }

    /** The routing key, e.g. {@code document.digitised}. */
    public String key() {
      return key;
    }
  }
}
