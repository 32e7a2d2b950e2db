package sohoa.pipeline.failure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import sohoa.core.error.OcrUnavailable;
import sohoa.core.error.StorageFailure;
import sohoa.core.error.TruncatedInput;

/** One decision for every intake: the input's fault is quarantined, a service's is retried. */
class FailurePolicyTest {
  private static final FailurePolicy WORKER = new FailurePolicy(2, Duration.ofSeconds(1));

  @Test
  void anInputAtFault_isQuarantinedAtOnce_whateverTheRetries() {
    TruncatedInput cut = new TruncatedInput("the file ends early", "copy it again");

    assertEquals(new FailurePolicy.Quarantine("truncated-input", "the file ends early",
        "copy it again"), WORKER.decide(cut, 1));
    assertEquals(WORKER.decide(cut, 1), FailurePolicy.ONCE.decide(cut, 1));
  }

  @Test
  void aLibraryBreakingOnAnInput_isThatInputsFailure() {
    FailurePolicy.Decision decision = WORKER.decide(new StackOverflowError(), 1);

    assertTrue(decision instanceof FailurePolicy.Quarantine q
        && q.code().equals(FailurePolicy.INTERNAL_ERROR), decision.toString());
  }

  @Test
  void aFullHeap_isNoInputsFailure_itEndsTheRun() {
    OutOfMemoryError full = new OutOfMemoryError("Java heap space");

    assertSame(full, assertThrows(OutOfMemoryError.class, () -> WORKER.decide(full, 1)));
    assertThrows(OutOfMemoryError.class, () -> FailurePolicy.ONCE.decide(full, 1));
  }

  @Test
  void aFailingService_isRetriedWithGrowingPauses_thenTheInputFails() {
    StorageFailure down = new StorageFailure("the store does not answer", "start it", null);

    assertEquals(new FailurePolicy.Retry(Duration.ofSeconds(1),
        "the store does not answer", "start it"), WORKER.decide(down, 1));
    assertEquals(new FailurePolicy.Retry(Duration.ofSeconds(4),
        "the store does not answer", "start it"), WORKER.decide(down, 2));
    assertEquals(new FailurePolicy.Fail("storage-failure",
        "the store does not answer (gave up after 3 attempts)", "start it"),
        WORKER.decide(down, 3));
  }

  @Test
  void triedOnce_aFailingServiceFailsTheInput_withoutQuarantine() {
    OcrUnavailable engine = new OcrUnavailable("no Tesseract", "install it", null);

    assertEquals(new FailurePolicy.Fail("ocr-unavailable", "no Tesseract", "install it"),
        FailurePolicy.ONCE.decide(engine, 1));
    assertEquals(new FailurePolicy.Retry(Duration.ZERO, "no Tesseract", "install it"),
        FailurePolicy.always(Duration.ZERO).decide(engine, 1000));
  }

  @Test
  void aPolicyThatMakesNoSense_isRefused() {
    assertThrows(IllegalArgumentException.class, () -> new FailurePolicy(-1, Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> WORKER.decide(new Error(), 0));
  }
}
