package sohoa.pipeline;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import sohoa.catalog.AuditTrail;
import sohoa.catalog.Catalog;
import sohoa.core.document.ContentHash;
import sohoa.core.document.DocumentId;
import sohoa.core.error.StorageFailure;
import sohoa.store.ObjectKey;
import sohoa.store.ObjectStore;

/**
 * Whether an original is digitised already (catalogued, and its PDF/A in the store): then it is
 * reused, not digitised again.
 */
final class Reuse {
  private final Catalog catalog;
  private final ObjectStore store;
  private final AuditTrail trail;
  private final String actor;

  Reuse(Catalog catalog, ObjectStore store, AuditTrail trail, String actor) {
    this.catalog = catalog;
    this.store = store;
    this.trail = trail;
    this.actor = actor;
  }

  /** The document made from {@code source} before, recorded in the audit log as reused. */
  Optional<DocumentOutcome> of(Path source, ContentHash original) throws StorageFailure {
    DocumentId id = DocumentId.of(original);
    OptionalInt pages = pageCount(original);
    if (pages.isEmpty()) {
      return Optional.empty();
    }
    trail.record(new AuditTrail.Entry(actor, "ingest", id.value(), Optional.of(original),
        "from " + FileNames.printable(source.getFileName().toString())
            + ": already digitised, reused"));
    return Optional.of(new DocumentOutcome.Reused(source, id, pages.getAsInt()));
  }

  /** Whether {@code original} is digitised, recording nothing. */
  boolean done(ContentHash original) throws StorageFailure {
    return pageCount(original).isPresent();
  }

  private OptionalInt pageCount(ContentHash original) throws StorageFailure {
    OptionalInt catalogued = catalog.documents().pageCountOf(original);
    return catalogued.isPresent()
        && store.exists(ObjectKey.artifact(DocumentId.of(original), "pdfa.pdf"))
        ? catalogued : OptionalInt.empty();
  }
}
