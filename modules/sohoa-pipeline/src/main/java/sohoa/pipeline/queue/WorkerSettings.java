package sohoa.pipeline.queue;

import java.time.Duration;

/**
 * How a worker runs.
 *
 * @param concurrency documents in hand at once (and the broker's prefetch)
 * @param retries further attempts at a task that failed for want of the store, catalog, OCR
 *     engine or signer, before it goes to the dead letters
 * @param firstRetryPause the pause before the first retry; each next one is four times longer
 */
public record WorkerSettings(int concurrency, int retries, Duration firstRetryPause) {
  public WorkerSettings {
    if (concurrency < 1 || concurrency > 64) {
      throw new IllegalArgumentException("--concurrency must be 1 to 64, not " + concurrency);
    }
    if (retries < 0 || retries > 10) {
      throw new IllegalArgumentException("--retries must be 0 to 10, not " + retries);
    }
    if (firstRetryPause.isNegative()) {
      throw new IllegalArgumentException("a retry pause cannot be negative");
    }
  }
}
