package sohoa.pipeline.intake;

import java.nio.file.Path;
import java.time.Duration;
import sohoa.core.error.SohoaException;
import sohoa.core.error.StorageFailure;
import sohoa.pipeline.failure.FailurePolicy;

/**
 * One scan handed to its {@link Arrival} by a watcher, folder or bucket alike, and what became of
 * it: taken; refused, to be quarantined, when the scan is at fault or a library broke on it; or
 * left for the next look when a service failed. Decided once, here, by the one failure policy.
 */
final class Taking {
  /** A scan whose digitising met a failing service stays, and is taken again at the next look. */
  private static final FailurePolicy POLICY = FailurePolicy.always(Duration.ZERO);

  private Taking() {}

  /** What became of a scan. */
  sealed interface Result {}

  /** Digitised or enqueued. */
  record Taken() implements Result {}

  /** At fault: kept aside with why and what to do; the arrival was told. */
  record Refused(FailurePolicy.Quarantine why) implements Result {}

  /** Not at fault: a service failed; {@code note} says so, for the watcher's log. */
  record Deferred(String note) implements Result {}

  static Result take(Arrival arrival, Path file, String name) throws StorageFailure {
    try {
      arrival.take(file, name);
      return new Taken();
    } catch (SohoaException | RuntimeException | StackOverflowError e) {
      // A library failing on a scan is that scan's failure; the watch must go on.
      FailurePolicy.Decision decision = POLICY.decide(e, 1);
      if (decision instanceof FailurePolicy.Quarantine q) {
        arrival.quarantined(file, name, q);
        return new Refused(q);
      }
      // The policy never gives a watched scan up: anything else is a retry.
      FailurePolicy.Retry retry = (FailurePolicy.Retry) decision;
      return new Deferred(name + ": " + retry.reason() + " (tried again at the next look; "
          + retry.remedy() + ")");
    }
  }
}
