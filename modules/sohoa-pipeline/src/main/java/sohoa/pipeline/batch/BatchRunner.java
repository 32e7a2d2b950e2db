package sohoa.pipeline.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import sohoa.catalog.Catalog;
import sohoa.core.error.SohoaException;
import sohoa.core.error.StorageFailure;
import sohoa.pipeline.BatchSummary;
import sohoa.pipeline.DocumentOutcome;
import sohoa.pipeline.PipelineListener;
import sohoa.pipeline.Digitiser;
import sohoa.pipeline.WorkerThreads;
import sohoa.pipeline.failure.FailurePolicy;

/**
 * Runs a batch: documents go through the pipeline several at a time; a failing document is
 * reported, its input quarantined when the input is at fault, and the batch goes on. Every outcome
 * is recorded in the catalog's job record as it happens, so a batch that is killed can be
 * inspected and simply run again (finished documents are reused, not redone). Its summary is
 * written to the job's folder; its report, which the caller writes, beside it.
 */
public final class BatchRunner {
  private final Digitiser digitiser;
  private final PipelineListener listener;

  public BatchRunner(Digitiser digitiser, PipelineListener listener) {
    this.digitiser = digitiser;
    this.listener = listener;
  }

  public BatchSummary run(String jobId, Inputs inputs) throws StorageFailure {
    return run(jobId, inputs, () -> false);
  }

  /**
   * Runs the batch until every input has an outcome or {@code stop} says to stop (Ctrl-C): then
   * the documents in hand are finished, no other is started, and the job is recorded as
   * interrupted with the rest pending. Running the same inputs again resumes it.
   */
  public BatchSummary run(String jobId, Inputs inputs, BooleanSupplier stop)
      throws StorageFailure {
    Instant started = digitiser.clock().instant();
    Catalog catalog = digitiser.catalog();
    catalog.jobs().start(jobId, started, inputs.files().size());
    listener.batchStarted(jobId, inputs.files().size());
    Quarantine quarantine = new Quarantine(digitiser.workspace().quarantine(), jobId);
    ExecutorService documents = WorkerThreads.fixed(digitiser.options().workers(), "document");
    List<DocumentOutcome> outcomes = new ArrayList<>();
    try {
      List<Future<Optional<DocumentOutcome>>> pending = new ArrayList<>();
      List<Path> files = inputs.files();
      for (int i = 0; i < files.size(); i++) {
        Path file = files.get(i);
        int index = i + 1;
        pending.add(documents.submit(() -> stop.getAsBoolean() ? Optional.empty()
            : Optional.of(processOne(file, index, jobId, quarantine))));
      }
      for (Future<Optional<DocumentOutcome>> future : pending) {
        await(future).ifPresent(outcomes::add);
      }
    } finally {
      documents.shutdownNow();
    }
    boolean interrupted = outcomes.size() < inputs.files().size();
    BatchSummary summary = new BatchSummary(jobId, inputs.files().size(), outcomes,
        inputs.passedOver(), Duration.between(started, digitiser.clock().instant()),
        digitiser.options().limits());
    if (interrupted) {
      catalog.jobs().interrupt(jobId, digitiser.clock().instant(), (int) summary.pages());
    } else {
      catalog.jobs().finish(jobId, digitiser.clock().instant(), (int) summary.pages());
    }
    writeSummary(summary);
    listener.batchFinished(summary);
    return summary;
  }

  private DocumentOutcome processOne(Path file, int index, String jobId, Quarantine quarantine)
      throws StorageFailure {
    DocumentOutcome outcome;
    try {
      outcome = digitiser.pipeline().process(file, listener);
    } catch (SohoaException | RuntimeException | StackOverflowError e) {
      // A batch is tried once (a failed input is recorded, and rerunning the command tries it
      // again), so the policy quarantines the input's own failures and fails the rest.
      FailurePolicy.Decision decision = FailurePolicy.ONCE.decide(e, 1);
      if (decision instanceof FailurePolicy.Quarantine q) {
        outcome = failed(file, index, q.code(), q.reason(), q.remedy(), quarantine);
      } else {
        FailurePolicy.Fail f = (FailurePolicy.Fail) decision;
        outcome = new DocumentOutcome.Failed(file, f.code(), f.reason(), f.remedy(),
            Optional.empty());
      }
    }
    digitiser.catalog().jobs().record(jobId, outcome.toJobItem(outcome.source().toString()));
    listener.documentFinished(outcome);
    return outcome;
  }

  private DocumentOutcome failed(Path file, int index, String code, String message, String remedy,
      Quarantine quarantine) {
    Optional<Path> kept;
    String why = message;
    try {
      kept = quarantine.keep(file, index, code, message, remedy, digitiser.clock().instant());
    } catch (IOException e) {
      kept = Optional.empty();
      why = message + " (and it could not be copied to quarantine: " + e.getMessage() + ")";
    }
    return new DocumentOutcome.Failed(file, code, why, remedy, kept);
  }

  private static <T> T await(Future<T> future) throws StorageFailure {
    try {
      return future.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof StorageFailure failure) {
        throw failure;
      }
      throw new IllegalStateException("a document task failed unexpectedly", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for documents", e);
    }
  }

  private void writeSummary(BatchSummary summary) throws StorageFailure {
    Path file = digitiser.workspace().jobs().resolve(summary.jobId()).resolve("summary.json");
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, SummaryJson.bytes(summary));
    } catch (IOException e) {
      throw new StorageFailure("cannot write the job summary " + file + ": " + e.getMessage(),
          "check free space in the data folder", e);
    }
  }
}
