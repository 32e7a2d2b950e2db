package sohoa.pipeline;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import sohoa.catalog.ArtifactRecord;
import sohoa.catalog.StoredDocument;
import sohoa.core.document.DocumentId;
import sohoa.core.error.SohoaException;
import sohoa.core.error.StorageFailure;
import sohoa.core.event.EventSink;
import sohoa.core.event.RecordEvent;

/**
 * Announces a catalogued document to the systems that subscribe: {@code document.digitised}
 * with the hash of every artifact, and {@code document.signed} when its PDF/A is sealed.
 */
public final class Announcer {
  private final Digitiser digitiser;
  private final EventSink events;

  public Announcer(Digitiser digitiser, EventSink events) {
    this.digitiser = digitiser;
    this.events = events;
  }

  /** Publishes the events for the catalogued document {@code id}. */
  public void announce(DocumentId id) throws SohoaException {
    StoredDocument stored = digitiser.catalog().documents().stored(id).orElseThrow(() ->
        new StorageFailure("the document " + id + " was stored but is not in the catalog",
            "digitise it again: the stored artifacts are reused", null));
    Map<String, String> hashes = new LinkedHashMap<>();
    for (ArtifactRecord artifact : stored.artifacts()) {
      hashes.put(artifact.kind(), artifact.sha256().hex());
    }
    events.publish(new RecordEvent(RecordEvent.Type.DOCUMENT_DIGITISED, id.value(), hashes,
        digitiser.clock().instant()));
    if (digitiser.seals()) {
      events.publish(new RecordEvent(RecordEvent.Type.DOCUMENT_SIGNED, id.value(),
          Map.of("pdfa", hashes.get("pdfa")), digitiser.clock().instant()));
    }
  }

  /**
   * {@code listener}, announcing each document it hears digitised; a broker that does not take
   * an announcement is a warning, the document stands.
   */
  public PipelineListener announcing(PipelineListener listener) {
    return new PipelineListener() {
      @Override
      public void batchStarted(String jobId, int inputs) {
        listener.batchStarted(jobId, inputs);
      }

      @Override
      public void documentStarted(Path source, int pages) {
        listener.documentStarted(source, pages);
      }

      @Override
      public void pageFinished(Path source, int page, int pages) {
        listener.pageFinished(source, page, pages);
      }

      @Override
      public void documentFinished(DocumentOutcome outcome) {
        listener.documentFinished(outcome);
        if (outcome instanceof DocumentOutcome.Digitised d) {
          try {
            announce(d.id());
          } catch (SohoaException e) {
            listener.warning("document " + d.id() + " is done but not announced: "
                + e.getMessage());
          }
        }
      }

      @Override
      public void batchFinished(BatchSummary summary) {
        listener.batchFinished(summary);
      }

      @Override
      public void warning(String message) {
        listener.warning(message);
      }
    };
  }
}
