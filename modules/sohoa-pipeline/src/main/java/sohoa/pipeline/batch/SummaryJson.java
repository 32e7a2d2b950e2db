package sohoa.pipeline.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import sohoa.pipeline.BatchSummary;
import sohoa.pipeline.DocumentOutcome;

/** The machine-readable form of a batch summary: {@code --json} output and {@code summary.json}. */
public final class SummaryJson {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private SummaryJson() {}

  record Summary(String job, long done, long reused, long failed, long pages,
      long pagesNeedingReview, double seconds, double pagesPerMinute, Limits limits,
      List<Item> documents, List<String> passedOver, Long pending) {}

  /** The limits the batch ran under, as the options that set them name them. */
  record Limits(long maxPixels, int maxPages, long maxBytes, int maxSeconds) {}

  record Item(String source, String status, String documentId, Integer pages,
      Float meanConfidence, List<Integer> needsReview, String error, String reason, String fix,
      String quarantine) {}

  public static byte[] bytes(BatchSummary summary) {
    try {
      return JSON.writeValueAsBytes(new Summary(summary.jobId(), summary.digitised(),
          summary.reused(), summary.failed(), summary.pages(), summary.pagesNeedingReview(),
          summary.elapsed().toMillis() / 1000.0,
          Math.round(summary.pagesPerMinute() * 10) / 10.0,
          new Limits(summary.limits().maxPixels(), summary.limits().maxPages(),
              summary.limits().maxBytes(), summary.limits().maxSeconds()),
          summary.outcomes().stream().map(SummaryJson::item).toList(), summary.passedOver(),
          // Only a batch stopped by a signal says so: a whole batch's JSON is as it was.
          summary.interrupted() ? summary.pending() : null));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a job summary as JSON", e);
    }
  }

  private static Item item(DocumentOutcome outcome) {
    String source = outcome.source().toString();
    if (outcome instanceof DocumentOutcome.Digitised d) {
      return new Item(source, "done", d.id().value(), d.pages(), d.meanConfidence(),
          d.needsReview(), null, null, null, null);
    }
    if (outcome instanceof DocumentOutcome.Reused r) {
      return new Item(source, "reused", r.id().value(), r.pages(), null, null, null, null, null,
          null);
    }
    DocumentOutcome.Failed f = (DocumentOutcome.Failed) outcome;
    return new Item(source, "failed", null, null, null, null, f.code(), f.message(), f.remedy(),
        f.quarantined().map(Object::toString).orElse(null));
  }
}
