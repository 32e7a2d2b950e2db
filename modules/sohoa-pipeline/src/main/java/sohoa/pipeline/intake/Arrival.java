package sohoa.pipeline.intake;

import java.nio.file.Path;
import sohoa.core.error.InputRejected;
import sohoa.core.error.SohoaException;
import sohoa.core.error.StorageFailure;
import sohoa.pipeline.failure.FailurePolicy;

/**
 * What the watcher does with a scan that has finished arriving: digitise it here, or enqueue it
 * for the workers. A one-method extension point, so the watcher neither knows nor cares.
 */
@FunctionalInterface
public interface Arrival {
  /**
   * Takes {@code file}, known to the job as {@code name}.
   *
   * @throws InputRejected when the input itself is bad: it goes to quarantine
   * @throws SohoaException when the store, catalog or broker failed: the file stays and is tried
   *     again at the next look
   */
  void take(Path file, String name) throws SohoaException;

  /**
   * Told that the watcher quarantined {@code file} after {@link #take} failed on it, and why: a
   * digitising arrival records it failed in its job. Nothing, by default.
   */
  default void quarantined(Path file, String name, FailurePolicy.Quarantine why)
      throws StorageFailure {}
}
