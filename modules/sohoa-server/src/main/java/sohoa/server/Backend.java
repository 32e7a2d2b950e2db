package sohoa.server;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import sohoa.catalog.Catalog;
import sohoa.certify.CertificationService;
import sohoa.core.event.EventSink;
import sohoa.pipeline.Digitiser;
import sohoa.store.ObjectStore;

/**
 * What the server serves from.
 *
 * @param certification issues certified copies for {@code POST /copies}; empty: not offered here
 * @param intake digitises scans posted to {@code POST /documents}; empty: not offered here
 * @param work a folder for uploads and files being verified
 * @param events where a scan digitised here (API or console upload) is announced as
 *     {@code document.digitised}, as the batch and the workers announce theirs
 */
public record Backend(Catalog catalog, ObjectStore store,
    Optional<CertificationService> certification, Optional<Digitiser> intake, Path work,
    EventSink events) {
  public Backend {
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(certification, "certification");
    Objects.requireNonNull(intake, "intake");
    Objects.requireNonNull(work, "work");
    Objects.requireNonNull(events, "events");
  }

  /** A server that announces nothing. */
  public Backend(Catalog catalog, ObjectStore store,
      Optional<CertificationService> certification, Optional<Digitiser> intake, Path work) {
    this(catalog, store, certification, intake, work, EventSink.NONE);
  }
}
