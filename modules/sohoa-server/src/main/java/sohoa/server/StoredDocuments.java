package sohoa.server;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import sohoa.catalog.Catalog;
import sohoa.catalog.StoredDocument;
import sohoa.core.document.DocumentId;
import sohoa.core.error.StorageFailure;

/**
 * The catalog's view of a document for serving its bytes, remembered for the most recently
 * served ones: a catalogued document's artifacts never change (they are named by content), so
 * a download need not ask the catalog again for a while. Its agency can change (an officer
 * corrects it in the console, perhaps on another server), and keys are scoped by it, so it is
 * asked again after {@link #FRESH}. Documents not found are not remembered: one digitised a
 * moment later must be found.
 */
final class StoredDocuments {
  private static final int REMEMBERED = 4096;
  /** How long a corrected agency may take to reach the scoping of downloads. */
  static final Duration FRESH = Duration.ofSeconds(30);

  private record Remembered(StoredDocument document, long until) {}

  private final Catalog catalog;
  private final Map<DocumentId, Remembered> recent =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<DocumentId, Remembered> eldest) {
          return size() > REMEMBERED;
        }
      };

  StoredDocuments(Catalog catalog) {
    this.catalog = catalog;
  }

  Optional<StoredDocument> find(DocumentId id) throws StorageFailure {
    long now = System.nanoTime();
    synchronized (recent) {
      Remembered known = recent.get(id);
      if (known != null && known.until() - now > 0) {
        return Optional.of(known.document());
      }
    }
    Optional<StoredDocument> found = catalog.documents().stored(id);
    found.ifPresent(d -> {
      synchronized (recent) {
        recent.put(id, new Remembered(d, now + FRESH.toNanos()));
      }
    });
    return found;
  }
}
