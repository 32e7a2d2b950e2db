package sohoa.catalog;

import java.time.Instant;
import java.util.Map;
import sohoa.core.document.DocumentId;

/** A document found by a search, with its fields by name. */
public record SearchHit(DocumentId id, String sourceName, String kind, int pageCount,
    Instant createdAt, Map<String, String> fields) {
  public SearchHit {
    fields = Map.copyOf(fields);
  }
}
