package sohoa.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import sohoa.pdf.input.InputLimits;

/**
 * A batch that has ended: the outcome of every input it reached, in input order, the totals, and
 * the limits it ran under (a refusal is only understood beside the limit it met). A batch stopped
 * by a signal reached fewer than its {@code inputs}: the rest are {@link #pending()}.
 */
public record BatchSummary(String jobId, int inputs, List<DocumentOutcome> outcomes,
    List<String> passedOver, Duration elapsed, InputLimits limits) {
  public BatchSummary {
    Objects.requireNonNull(limits, "limits");
    outcomes = List.copyOf(outcomes);
    passedOver = List.copyOf(passedOver);
    if (outcomes.size() > inputs) {
      throw new IllegalArgumentException(outcomes.size() + " outcomes for " + inputs
          + " inputs");
    }
  }

  /** Inputs the batch did not reach, because it was stopped. */
  public long pending() {
    return inputs - outcomes.size();
  }

  /** Whether it was stopped before every input had an outcome. */
  public boolean interrupted() {
    return pending() > 0;
  }

  public long digitised() {
    return outcomes.stream().filter(o -> o instanceof DocumentOutcome.Digitised).count();
  }

  public long reused() {
    return outcomes.stream().filter(o -> o instanceof DocumentOutcome.Reused).count();
  }

  public long failed() {
    return outcomes.stream().filter(o -> o instanceof DocumentOutcome.Failed).count();
  }

  /** Pages digitised in this run (reused documents' pages are not counted). */
  public long pages() {
    return outcomes.stream().mapToLong(o -> o instanceof DocumentOutcome.Digitised d ? d.pages() : 0)
        .sum();
  }

  /** Pages read with low confidence, across the documents digitised in this run. */
  public long pagesNeedingReview() {
    return outcomes.stream()
        .mapToLong(o -> o instanceof DocumentOutcome.Digitised d ? d.needsReview().size() : 0).sum();
  }

  public double pagesPerMinute() {
    double minutes = elapsed.toMillis() / 60_000.0;
    return minutes > 0 ? pages() / minutes : 0;
  }
}
