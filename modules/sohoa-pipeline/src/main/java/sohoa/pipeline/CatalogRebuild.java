package sohoa.pipeline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import sohoa.catalog.Catalog;
import sohoa.catalog.DocumentRecord;
import sohoa.core.error.StorageFailure;
import sohoa.store.ObjectKey;
import sohoa.store.ObjectStore;

/**
 * Rebuilds the catalog's documents from the manifests in the store ({@code sohoa catalog
 * rebuild}): the store is the record, the catalog an index of it, officers' corrections included.
 * Documents already catalogued are left as they are, so a rebuild can be run again after an
 * interruption.
 */
public final class CatalogRebuild {
  private static final String MANIFEST = "manifest.json";
  private final ObjectStore store;
  private final Catalog catalog;

  public CatalogRebuild(ObjectStore store, Catalog catalog) {
    this.store = Objects.requireNonNull(store, "store");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
  }

  /**
   * What a rebuild did.
   *
   * @param corrections the officers' corrections put back with the documents recorded
   * @param problems one line per manifest that could not be read back, naming it
   */
  public record Result(int recorded, int present, int corrections, List<String> problems) {
    public Result {
      problems = List.copyOf(problems);
    }
  }

  public Result run() throws StorageFailure {
    int recorded = 0;
    int present = 0;
    int corrections = 0;
    StoredCorrections stored = new StoredCorrections(store, catalog);
    List<String> problems = new ArrayList<>();
    // One listing serves both: the manifests, and the corrections kept beside them.
    List<ObjectKey> keys = store.list("documents/");
    Map<String, List<ObjectKey>> records = StoredCorrections.byDocumentFolder(keys);
    for (ObjectKey key : keys) {
      if (!key.value().endsWith("/" + MANIFEST)) {
        continue;
      }
      try {
        DocumentRecord document = StoredManifest.read(store, key).toDocument(store);
        if (catalog.documents().find(document.id()).isPresent()) {
          present++;
        } else {
          catalog.documents().record(document);
          recorded++;
          try {
            corrections += stored.restore(records.getOrDefault(key.value().substring(0,
                key.value().length() - MANIFEST.length()), List.of()));
          } catch (StorageFailure e) {
            problems.add(key + ": its corrections: " + e.getMessage());
          }
        }
      } catch (IOException | IllegalArgumentException | NullPointerException e) {
        problems.add(key + ": " + e.getMessage());
      }
    }
    return new Result(recorded, present, corrections, problems);
  }
}
