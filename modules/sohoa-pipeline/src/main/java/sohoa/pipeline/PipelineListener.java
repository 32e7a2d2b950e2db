package sohoa.pipeline;

import java.nio.file.Path;

/**
 * Hears what the pipeline does, for progress displays, reports and metrics. Called from worker
 * threads, so implementations are thread-safe; they must return quickly and never throw.
 */
public interface PipelineListener {
  /** Hears nothing. */
  PipelineListener NONE = new PipelineListener() {};

  default void batchStarted(String jobId, int inputs) {}

  default void documentStarted(Path source, int pages) {}

  default void pageFinished(Path source, int page, int pages) {}

  default void documentFinished(DocumentOutcome outcome) {}

  default void batchFinished(BatchSummary summary) {}

  /** Something went wrong that the officer should see but that stops nothing. */
  default void warning(String message) {}
}
