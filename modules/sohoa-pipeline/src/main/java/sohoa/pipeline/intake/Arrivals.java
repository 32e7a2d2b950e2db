package sohoa.pipeline.intake;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import sohoa.core.error.SohoaException;
import sohoa.core.error.StorageFailure;
import sohoa.pipeline.DocumentOutcome;
import sohoa.pipeline.PipelineListener;
import sohoa.pipeline.Digitiser;
import sohoa.pipeline.failure.FailurePolicy;
import sohoa.pipeline.queue.Enqueuer;

/** The two things a watched folder's scans can go to. */
public final class Arrivals {
  private Arrivals() {}

  /**
   * Digitises each scan here and now, recording it in the job {@code jobId}: the embedded
   * default, with no broker.
   */
  public static Arrival digitising(Digitiser digitiser, String jobId, PipelineListener listener)
      throws StorageFailure {
    digitiser.catalog().jobs().enlist(jobId, digitiser.clock().instant());
    return new Arrival() {
      @Override
      public void take(Path file, String name) throws SohoaException {
        DocumentOutcome outcome = digitiser.pipeline().process(file, listener);
        digitiser.catalog().jobs().record(jobId, outcome.toJobItem(name));
        listener.documentFinished(outcome);
      }

      /** A scan at fault is recorded failed; one that met a failing service, once taken. */
      @Override
      public void quarantined(Path file, String name, FailurePolicy.Quarantine why)
          throws StorageFailure {
        DocumentOutcome failed = new DocumentOutcome.Failed(file, why.code(), why.reason(),
            why.remedy(), Optional.empty());
        digitiser.catalog().jobs().record(jobId, failed.toJobItem(name));
        listener.documentFinished(failed);
      }
    };
  }

  /** Stores each scan and hands it to the workers, in the job {@code jobId}. */
  public static Arrival enqueuing(Enqueuer enqueuer, String jobId) {
    return (file, name) -> enqueuer.enqueue(jobId, List.of(new Enqueuer.Input(file, name)));
  }
}
