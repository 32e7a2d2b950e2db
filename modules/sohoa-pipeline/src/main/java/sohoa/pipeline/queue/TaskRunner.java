package sohoa.pipeline.queue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import sohoa.catalog.JobItem;
import sohoa.core.document.ContentHash;
import sohoa.core.error.SohoaException;
import sohoa.core.error.StorageFailure;
import sohoa.core.event.EventSink;
import sohoa.core.files.FileTrees;
import sohoa.pipeline.Announcer;
import sohoa.pipeline.DocumentOutcome;
import sohoa.pipeline.PipelineListener;
import sohoa.pipeline.Digitiser;
import sohoa.pipeline.failure.FailurePolicy;

/**
 * Does one task: fetches the original from the store (its hash checked), runs the pipeline,
 * records the outcome in the job and announces the result. Idempotent: the document id is the
 * original's hash, so a task delivered again finds the finished document and only re-records it,
 * and one cut off half-way is redone from the start without leaving a second copy behind.
 */
final class TaskRunner {
  private final Digitiser digitiser;
  private final Announcer announcer;
  private final PipelineListener listener;
  private final WorkerSettings settings;

  TaskRunner(Digitiser digitiser, EventSink events, PipelineListener listener,
      WorkerSettings settings) {
    this.digitiser = digitiser;
    this.announcer = new Announcer(digitiser, events);
    this.listener = listener;
    this.settings = settings;
  }

  /** What to do with the message once {@link #run} returns. */
  sealed interface Verdict {
    /** Done (or found done): acknowledge. */
    record Done(DocumentOutcome outcome) implements Verdict {}

    /** Cannot be done: dead-letter with the reason, then acknowledge. */
    record Dead(String code, String reason, String remedy) implements Verdict {}
  }

  /**
   * Runs {@code task}, retrying failures of the store, catalog, OCR engine or signer with
   * growing pauses; a rejected input is not retried.
   *
   * @param redelivered whether the broker delivered it before (to a worker that may have died
   *     after finishing it), so that its events are sent again
   */
  Verdict run(DocumentTask task, boolean redelivered) throws InterruptedException {
    FailurePolicy policy = new FailurePolicy(settings.retries(), settings.firstRetryPause());
    for (int attempt = 1; ; attempt++) {
      try {
        return attempt(task, redelivered);
      } catch (SohoaException | RuntimeException | StackOverflowError e) {
        // A library failing on an input is that input's failure; the worker must go on.
        FailurePolicy.Decision decision = policy.decide(e, attempt);
        if (decision instanceof FailurePolicy.Retry retry) {
          Thread.sleep(retry.pause().toMillis());
        } else if (decision instanceof FailurePolicy.Quarantine q) {
          // The original stays in the store, under its key: that is this input's quarantine.
          return reject(task, q.code(), q.code().equals(FailurePolicy.INTERNAL_ERROR)
              ? q.reason() + " (the original is " + task.originalKey() + " in the store)"
              : q.reason(), q.remedy());
        } else {
          FailurePolicy.Fail f = (FailurePolicy.Fail) decision;
          return reject(task, f.code(), f.reason(), f.remedy());
        }
      }
    }
  }

  private Verdict attempt(DocumentTask task, boolean redelivered) throws SohoaException {
    Path folder = digitiser.workspace().work().resolve("tasks").resolve(task.taskId());
    try {
      Path original = fetch(task, folder);
      DocumentOutcome outcome = digitiser.pipeline().process(original, listener);
      JobItem item = outcome.toJobItem(task.name());
      digitiser.catalog().jobs().record(task.jobId(), item);
      if (outcome instanceof DocumentOutcome.Digitised || redelivered) {
        announcer.announce(item.documentId().orElseThrow());
      }
      listener.documentFinished(outcome.from(Path.of(task.name())));
      return new Verdict.Done(outcome);
    } finally {
      deleteQuietly(folder);
    }
  }

  private Verdict reject(DocumentTask task, String code, String reason, String remedy) {
    DocumentOutcome failed = new DocumentOutcome.Failed(Path.of(task.name()), code, reason, remedy,
        Optional.empty());
    try {
      digitiser.catalog().jobs().record(task.jobId(), failed.toJobItem(task.name()));
    } catch (StorageFailure e) {
      // The dead letter still carries the reason; the job shows the input as pending until
      // the catalog is back and the dead letter is replayed.
      reason = reason + " (not recorded in the job: " + e.getMessage() + ")";
    }
    listener.documentFinished(failed);
    return new Verdict.Dead(code, reason, remedy);
  }

  /** The original, from the store into the task's work folder under its own name. */
  private Path fetch(DocumentTask task, Path folder) throws StorageFailure {
    Path file = folder.resolve(fileName(task.name()));
    ContentHash actual;
    try {
      Files.createDirectories(folder);
      try (InputStream in = digitiser.store().open(task.originalKey())) {
        actual = ContentHash.copy(in, file);
      }
    } catch (IOException e) {
      throw new StorageFailure("cannot fetch the original " + task.originalKey() + " of "
          + task.name() + ": " + e.getMessage(), "check the object store and the work folder "
          + digitiser.workspace().work(), e);
    }
    if (!actual.equals(task.original())) {
      throw new StorageFailure("the original " + task.originalKey() + " of " + task.name()
          + " in the store does not match its name (" + actual.hex() + ")",
          "restore the object from backup and enqueue " + task.name() + " again", null);
    }
    return file;
  }

  /** The last segment of the input's name, safe as a file name. */
  static String fileName(String name) {
    String last = name.substring(name.replace('\\', '/').lastIndexOf('/') + 1)
        .replaceAll("[\\x00-\\x1f]", "_");
    if (last.isBlank() || last.equals(".") || last.equals("..")) {
      return "original";
    }
    return last.length() > 200 ? last.substring(last.length() - 200) : last;
  }

  private static void deleteQuietly(Path folder) {
    try {
      FileTrees.delete(folder);
    } catch (IOException e) {
      // A leftover work folder harms nothing; the next task has its own.
      folder.toFile().deleteOnExit();
    }
  }
}
