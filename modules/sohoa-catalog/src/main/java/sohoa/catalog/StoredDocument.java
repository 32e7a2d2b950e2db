package sohoa.catalog;

import java.util.List;
import java.util.Optional;
import sohoa.core.document.DocumentId;

/**
 * What serving or certifying a document's bytes needs, without its text, pages and fields: its
 * name, type, page count, artifacts and the agency that issued it (for keys scoped to an agency).
 */
public record StoredDocument(DocumentId id, String sourceName, String mediaType, int pageCount,
    List<ArtifactRecord> artifacts, Optional<String> agency) {
  public StoredDocument {
    artifacts = List.copyOf(artifacts);
  }
}
