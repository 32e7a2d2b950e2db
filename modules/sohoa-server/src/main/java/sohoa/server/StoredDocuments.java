package sohoa.server;

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
 * a download need not ask the catalog again. Documents not found are not remembered: one
 * digitised a moment later must be found.
 */
final class StoredDocuments {
  private static final int REMEMBERED = 4096;

  private final Catalog catalog;
  private final Map<DocumentId, StoredDocument> recent =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<DocumentId, StoredDocument> eldest) {
          return size() > REMEMBERED;
        }
      };

  StoredDocuments(Catalog catalog) {
    this.catalog = catalog;
  }

  Optional<StoredDocument> find(DocumentId id) throws StorageFailure {
    synchronized (recent) {
      StoredDocument known = recent.get(id);
      if (known != null) {
        return Optional.of(known);
      }
    }
    Optional<StoredDocument> found = catalog.stored(id);
    found.ifPresent(d -> {
      synchronized (recent) {
        recent.put(id, d);
      }
    });
    return found;
  }
}
