package sohoa.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import sohoa.pipeline.DocumentOutcome;
import sohoa.pipeline.FileNames;
import sohoa.pipeline.PipelineListener;
import sohoa.pipeline.batch.BatchSummary;

/**
 * Shows a batch's progress: a bar redrawn in place on a terminal (documents, pages, pages per
 * minute, time left); one plain line per document otherwise, for logs. Every failure gets its own
 * line either way: the file, the reason, what to do and where the input was kept.
 */
final class ProgressReporter implements PipelineListener {
  private final PrintWriter err;
  private final boolean terminal;
  private final Clock clock;
  private final AtomicInteger finished = new AtomicInteger();
  private final AtomicLong pages = new AtomicLong();
  private volatile int total;
  private volatile long startMillis;

  ProgressReporter(PrintWriter err, boolean terminal, Clock clock) {
    this.err = err;
    this.terminal = terminal;
    this.clock = clock;
  }

  @Override
  public void batchStarted(String jobId, int inputs) {
    total = inputs;
    startMillis = clock.millis();
    line("job " + jobId + ": " + inputs + " input" + (inputs == 1 ? "" : "s"));
  }

  @Override
  public void pageFinished(Path source, int page, int pageCount) {
    pages.incrementAndGet();
    redraw();
  }

  @Override
  public void documentFinished(DocumentOutcome outcome) {
    finished.incrementAndGet();
    if (outcome instanceof DocumentOutcome.Failed f) {
      line("FAILED  " + shown(f.source()) + ": " + f.message() + "\n        what to do: "
          + f.remedy() + f.quarantined().map(q -> "\n        kept in: " + q).orElse(""));
    } else if (outcome instanceof DocumentOutcome.Reused r) {
      line("reused  " + shown(r.source()) + " -> " + r.id() + " (already digitised, " + r.pages()
          + " page" + (r.pages() == 1 ? "" : "s") + ", no OCR)");
    } else if (outcome instanceof DocumentOutcome.Digitised d
        && (!terminal || !d.needsReview().isEmpty())) {
      line(String.format("done    %s -> %s (%d page%s, confidence %.0f%%, %.1f s)%s",
          shown(d.source()), d.id(), d.pages(), d.pages() == 1 ? "" : "s", d.meanConfidence(),
          d.millis() / 1000.0,
          d.needsReview().isEmpty() ? "" : "\n        needs review: page"
              + (d.needsReview().size() == 1 ? " " : "s ") + d.needsReview()
              .stream().map(String::valueOf).collect(Collectors.joining(", "))
              + " read with low confidence"));
    }
    redraw();
  }

  @Override
  public void batchFinished(BatchSummary summary) {
    // The bar is done with: nothing draws it again under the summary.
    total = 0;
    if (terminal) {
      err.print("\r" + " ".repeat(90) + "\r");
    }
    for (DocumentOutcome outcome : summary.outcomes()) {
      if (outcome instanceof DocumentOutcome.Failed f) {
        line("failed: " + shown(f.source()) + ": " + f.message());
      }
    }
    line(String.format("summary: %d done, %d reused, %d failed; %d pages in %s (%.1f pages/min)%s",
        summary.digitised(), summary.reused(), summary.failed(), summary.pages(),
        format(summary.elapsed()), summary.pagesPerMinute(),
        summary.pagesNeedingReview() == 0 ? ""
            : "; " + summary.pagesNeedingReview() + " pages need review"));
    if (summary.interrupted()) {
      line("stopped: " + summary.pending() + " input" + (summary.pending() == 1 ? " was" : "s"
          + " were") + " not started; run the same command again to resume (what is done is"
          + " reused, not redone)");
    }
    if (summary.failed() > 0) {
      line("failed inputs are kept with their reasons in the data folder's quarantine/"
          + summary.jobId() + "/");
    }
  }

  @Override
  public void warning(String message) {
    line("warning: " + message);
  }

  private synchronized void line(String text) {
    if (terminal) {
      err.print("\r" + " ".repeat(90) + "\r");
    }
    err.println(text);
    err.flush();
    redraw();
  }

  private synchronized void redraw() {
    if (!terminal || total == 0) {
      return;
    }
    int done = finished.get();
    long elapsed = Math.max(1, clock.millis() - startMillis);
    double perMinute = pages.get() * 60_000.0 / elapsed;
    String eta = done == 0 ? "--:--" : format(Duration.ofMillis(elapsed * (total - done) / done));
    err.printf("\r%s %d/%d documents, %d pages, %.1f pages/min, %s left ",
        ProgressBar.bar(done, total), done, total, pages.get(), perMinute, eta);
    err.flush();
  }

  /** A path on one line, whatever its name holds. */
  private static String shown(Path source) {
    return FileNames.printable(source.toString());
  }

  private static String format(Duration duration) {
    long seconds = duration.toSeconds();
    return String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }
}
