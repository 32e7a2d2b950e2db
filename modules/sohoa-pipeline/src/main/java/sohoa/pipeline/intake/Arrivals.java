package sohoa.pipeline.intake;

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
    return (file, name) -> {
      DocumentOutcome outcome;
      try {
        outcome = digitiser.pipeline().process(file, listener);
      } catch (SohoaException | RuntimeException | StackOverflowError e) {
        // A scan at fault is quarantined by the watcher: the job records it failed. One that met
        // a failing service is taken again, and recorded then.
        if (FailurePolicy.ONCE.decide(e, 1) instanceof FailurePolicy.Quarantine q) {
          DocumentOutcome failed = new DocumentOutcome.Failed(file, q.code(), q.reason(),
              q.remedy(), Optional.empty());
          digitiser.catalog().jobs().record(jobId, failed.toJobItem(name));
          listener.documentFinished(failed);
        }
        throw e;
      }
      digitiser.catalog().jobs().record(jobId, outcome.toJobItem(name));
      listener.documentFinished(outcome);
    };
  }

  /** Stores each scan and hands it to the workers, in the job {@code jobId}. */
  public static Arrival enqueuing(Enqueuer enqueuer, String jobId) {
    return (file, name) -> enqueuer.enqueue(jobId, List.of(new Enqueuer.Input(file, name)));
  }
}
