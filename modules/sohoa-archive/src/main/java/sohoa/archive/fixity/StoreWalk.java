package sohoa.archive.fixity;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import sohoa.archive.fixity.Finding.Kind;
import sohoa.catalog.Catalog;
import sohoa.core.document.CopyId;
import sohoa.core.document.DocumentId;
import sohoa.core.error.StorageFailure;
import sohoa.pipeline.StoredManifest;
import sohoa.store.ObjectKey;
import sohoa.store.ObjectStore;

/**
 * The store walked against the catalog: what it holds that nothing accounts for. An object no
 * catalog row and no manifest names is an orphan; a document folder with a readable manifest the
 * catalog does not index is an uncatalogued document.
 */
final class StoreWalk {
  private final ObjectStore store;
  private final Catalog catalog;
  private final boolean repair;
  private final List<Finding> findings = new ArrayList<>();
  /** Uncatalogued documents found while walking the store, and the objects they name. */
  private final Set<String> uncatalogued = new HashSet<>();
  private final Set<String> namedByUncatalogued = new HashSet<>();

  /** @param repair index the uncatalogued documents it finds ({@code --repair-catalog}) */
  StoreWalk(ObjectStore store, Catalog catalog, boolean repair) {
    this.store = store;
    this.catalog = catalog;
    this.repair = repair;
  }

  /**
   * Objects that no row and no manifest names; documents the catalog does not index (indexed now
   * when asked to repair). The store is walked, not listed: memory holds one page of keys,
   * whatever the store's size.
   */
  List<Finding> unaccounted() throws StorageFailure {
    store.walk("", key -> {
      String name = key.value();
      if (catalog.documents().knowsObject(name)) {
        return;
      }
      String[] parts = name.split("/");
      if (parts[0].equals("documents") && parts.length == 3 && isDocumentId(parts[1])) {
        documentInStore(new DocumentId(parts[1]), key);
      } else if (parts[0].equals("copies") && parts.length == 3 && isCopyId(parts[1])
          && catalog.register().byCopy(new CopyId(parts[1])).isPresent()) {
        return; // A copy's own manifest: the register names the copy, not each file.
      } else if (!namedByUncatalogued.contains(name)) {
        findings.add(Finding.of(Kind.ORPHAN, name, null,
            "no catalog row and no manifest names it"));
      }
    });
    // In no order: an original met before its uncatalogued document's manifest was read.
    findings.removeIf(f -> f.kind() == Finding.Kind.ORPHAN
        && namedByUncatalogued.contains(f.key()));
    return findings;
  }

  /** An object under a document the catalog does not know of (or a stray file in one). */
  private void documentInStore(DocumentId id, ObjectKey key) throws StorageFailure {
    if (catalog.documents().stored(id).isPresent()) {
      findings.add(Finding.of(Kind.ORPHAN, key.value(), id.value(), "the document's manifest"
          + " does not name it"));
      return;
    }
    if (!uncatalogued.add(id.value())) {
      return;
    }
    ObjectKey manifestKey = StoredManifest.keyOf(id);
    StoredManifest manifest;
    try {
      manifest = StoredManifest.read(store, manifestKey);
    } catch (IOException | StorageFailure e) {
      findings.add(Finding.of(Kind.ORPHAN, key.value(), id.value(), "a document folder without"
          + " a readable manifest: " + e.getMessage()));
      return;
    }
    manifest.artifacts().forEach(a -> namedByUncatalogued.add(a.objectKey()));
    boolean repaired = false;
    if (repair) {
      try {
        catalog.documents().record(manifest.toDocument(store));
        repaired = true;
      } catch (IOException e) {
        // Reported below as not repaired, with the reason.
        findings.add(new Finding(Finding.Kind.UNCATALOGUED, manifestKey.value(), id.value(),
            "cannot be indexed: " + e.getMessage(), false));
        return;
      }
    }
    findings.add(new Finding(Finding.Kind.UNCATALOGUED, manifestKey.value(), id.value(),
        "the store holds this document but the catalog does not index it"
            + (repaired ? "; indexed now" : ""), repaired));
  }

  private static boolean isDocumentId(String text) {
    try {
      new DocumentId(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean isCopyId(String text) {
    return text.matches("[0-9a-f]{32}");
  }
}
