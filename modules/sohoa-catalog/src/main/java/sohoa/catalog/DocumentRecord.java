package sohoa.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import sohoa.core.document.ContentHash;
import sohoa.core.document.DocumentId;

/**
 * A digitised document as the catalog indexes it.
 *
 * @param file what the input said about itself; empty for documents catalogued before sohoa read
 *     it
 */
public record DocumentRecord(DocumentId id, ContentHash original, String sourceName,
    String mediaType, int pageCount, float meanConfidence, String fullText, ContentHash manifest,
    Instant createdAt, List<ArtifactRecord> artifacts, List<PageRecord> pages, String kind,
    List<FieldRecord> fields, Optional<FileRecord> file) {
  public DocumentRecord {
    Objects.requireNonNull(file, "file");
    if (pageCount < 1 || pageCount != pages.size()) {
      throw new IllegalArgumentException("a document of " + pageCount + " pages needs as many page "
          + "records, got " + pages.size());
    }
    artifacts = List.copyOf(artifacts);
    pages = List.copyOf(pages);
    fields = List.copyOf(fields);
  }
}
