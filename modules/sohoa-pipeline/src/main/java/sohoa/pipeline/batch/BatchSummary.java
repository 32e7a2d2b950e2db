package sohoa.pipeline.batch;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import sohoa.pdf.input.InputLimits;
import sohoa.pipeline.DocumentOutcome;

/**
 * A finished batch: every input's outcome in input order, the totals, and the limits it ran
 * under (a refusal is only understood beside the limit it met).
 */
public record BatchSummary(String jobId, List<DocumentOutcome> outcomes, List<String> passedOver,
    Duration elapsed, InputLimits limits) {
  public BatchSummary {
    Objects.requireNonNull(limits, "limits");
    outcomes = List.copyOf(outcomes);
    passedOver = List.copyOf(passedOver);
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
