package sohoa.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import sohoa.core.i18n.Messages;
import sohoa.pipeline.BatchSummary;
import sohoa.pipeline.DocumentOutcome;
import sohoa.pipeline.FileNames;
import sohoa.pipeline.PipelineListener;

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
  private final Messages messages;

  /** Writing in {@code messages}' language: the operator's, or a test's. */
  ProgressReporter(PrintWriter err, boolean terminal, Clock clock, Messages messages) {
    this.messages = messages;
    this.err = err;
    this.terminal = terminal;
    this.clock = clock;
  }

  @Override
  public void batchStarted(String jobId, int inputs) {
    total = inputs;
    startMillis = clock.millis();
    line(messages.count("cli.job", inputs, jobId, inputs));
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
      line(messages.format("cli.failed", shown(f.source()), reason(f))
          + messages.format("cli.failed.fix", remedy(f))
          + f.quarantined().map(q -> messages.format("cli.failed.kept", q)).orElse(""));
    } else if (outcome instanceof DocumentOutcome.Reused r) {
      line(messages.count("cli.reused", r.pages(), shown(r.source()), r.id(), r.pages()));
    } else if (outcome instanceof DocumentOutcome.Digitised d
        && (!terminal || !d.needsReview().isEmpty())) {
      line(messages.count("cli.done", d.pages(), shown(d.source()), d.id(), d.pages(),
          d.meanConfidence(), d.millis() / 1000.0)
          + (d.needsReview().isEmpty() ? "" : messages.count("cli.review",
              d.needsReview().size(), d.needsReview().stream().map(String::valueOf)
                  .collect(Collectors.joining(", ")))));
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
        line(messages.format("cli.failed.line", shown(f.source()), reason(f)));
      }
    }
    line(messages.format("cli.summary", summary.digitised(), summary.reused(),
        summary.failed(), summary.pages(), format(summary.elapsed()), summary.pagesPerMinute(),
        summary.pagesNeedingReview() == 0 ? ""
            : messages.format("cli.summary.review", summary.pagesNeedingReview())));
    if (summary.interrupted()) {
      line(messages.count("cli.stopped", summary.pending(), summary.pending()));
    }
    if (summary.failed() > 0) {
      line(messages.format("cli.kept", summary.jobId()));
    }
  }

  @Override
  public void warning(String message) {
    line(messages.format("cli.warning", message));
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
    err.print("\r" + messages.format("cli.progress", ProgressBar.bar(done, total), done, total,
        pages.get(), perMinute, eta));
    err.flush();
  }

  /** The reason for a failure: sohoa's own words, or in Vietnamese the catalogue's with them. */
  private String reason(DocumentOutcome.Failed f) {
    return messages.vietnamese() ? messages.reason(f.code()) + " (" + f.message() + ")"
        : f.message();
  }

  private String remedy(DocumentOutcome.Failed f) {
    return messages.vietnamese() ? messages.remedy(f.code()) : f.remedy();
  }

  /** Writes the report's path, the run's last line. */
  void report(Path file) {
    line(messages.format("cli.report", file));
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
