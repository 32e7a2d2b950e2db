package sohoa.pipeline.failure;

import java.time.Duration;
import java.util.Objects;
import sohoa.core.error.InputRejected;
import sohoa.core.error.SohoaException;

/**
 * What to do with an input whose digitising failed, decided here for every way an input arrives
 * (a batch, an upload through the API or the console, a watched folder, a worker's task) so that
 * the same failure is treated the same everywhere, by its type and never by its message:
 *
 * <ul>
 *   <li>the input is at fault (damaged, encrypted, hostile, too large, too slow), or a library
 *       broke on it: {@link Quarantine} it with the reason, and go on with the others;
 *   <li>a service failed (the store, the catalog, the OCR engine, the signer, the broker): the
 *       input is not at fault, so {@link Retry} it after a pause that grows four times each try,
 *       up to {@code retries} times; then {@link Fail} it (recorded, not quarantined) and go on.
 * </ul>
 *
 * @param retries how many times an input is tried again after a service failed: 0 for a batch,
 *     whose officer reruns the same command; several for a worker; as many as it takes for a
 *     watched folder, which looks again anyway
 * @param firstPause the pause before the first retry
 */
public record FailurePolicy(int retries, Duration firstPause) {
  /** Tried once: the run records the failure and goes on, and a rerun tries again. */
  public static final FailurePolicy ONCE = new FailurePolicy(0, Duration.ZERO);

  /** The error code of a library's failure on an input. */
  public static final String INTERNAL_ERROR = "internal-error";

  public FailurePolicy {
    if (retries < 0) {
      throw new IllegalArgumentException("retries cannot be negative: " + retries);
    }
    Objects.requireNonNull(firstPause, "firstPause");
    if (firstPause.isNegative()) {
      throw new IllegalArgumentException("the pause cannot be negative: " + firstPause);
    }
  }

  /** Tried again after every service failure, {@code pause} apart: a watched folder. */
  public static FailurePolicy always(Duration pause) {
    return new FailurePolicy(Integer.MAX_VALUE, pause);
  }

  /** What the run does next. */
  public sealed interface Decision {}

  /** Keep the input aside with why and what to do; go on with the others. */
  public record Quarantine(String code, String reason, String remedy) implements Decision {}

  /**
   * Try the same input again after {@code pause}; {@code reason} and {@code remedy} say which
   * service failed and how to bring it back, for whoever watches the run.
   */
  public record Retry(Duration pause, String reason, String remedy) implements Decision {}

  /** Record the input failed (it is not at fault: not quarantined); go on with the others. */
  public record Fail(String code, String reason, String remedy) implements Decision {}

  /**
   * The decision on {@code failure}, met on the {@code attempt}-th try (1 for the first).
   *
   * @param failure a {@link SohoaException}, or what a library threw on the input: a
   *     {@link RuntimeException}, or a {@link StackOverflowError} (a hostile nesting unwinds its
   *     own thread and leaves the rest whole)
   * @throws Error any other error, {@link OutOfMemoryError} first: the inputs' limits refuse a
   *     file before it can fill the heap, so a full heap is the process's, not an input's; it
   *     ends the run rather than let it go on in a broken JVM
   */
  public Decision decide(Throwable failure, int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempts count from 1, not " + attempt);
    }
    if (failure instanceof Error error && !(failure instanceof StackOverflowError)) {
      throw error;
    }
    if (failure instanceof InputRejected rejected) {
      return new Quarantine(rejected.code(), rejected.getMessage(), rejected.remedy());
    }
    if (failure instanceof SohoaException service) {
      if (attempt <= retries) {
        return new Retry(pauseBefore(attempt), service.getMessage(), service.remedy());
      }
      return new Fail(service.code(), attempt == 1 ? service.getMessage()
          : service.getMessage() + " (gave up after " + attempt + " attempts)",
          service.remedy());
    }
    return new Quarantine(INTERNAL_ERROR, "sohoa failed on this file: " + failure,
        "report it with the quarantined copy; the other inputs went on");
  }

  private Duration pauseBefore(int attempt) {
    Duration pause = firstPause;
    for (int i = 1; i < attempt && pause.compareTo(Duration.ofHours(1)) < 0; i++) {
      pause = pause.multipliedBy(4);
    }
    return pause;
  }
}
