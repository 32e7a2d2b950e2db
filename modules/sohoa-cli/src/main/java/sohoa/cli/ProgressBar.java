package sohoa.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A long walk's progress ({@code sohoa check}): a bar redrawn in place on a terminal, a line
 * every ten seconds in a log.
 */
final class ProgressBar {
  private static final int WIDTH = 24;

  private final PrintWriter err;
  private final boolean terminal;
  private final long start = System.nanoTime();
  private long lastShown;
  private boolean shown;

  ProgressBar(PrintWriter err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  /** {@code [#####-----]}: {@code done} of {@code total}, the batch's and the audit's bar. */
  static String bar(long done, long total) {
    int filled = total > 0 ? (int) Math.min(WIDTH, done * WIDTH / total) : 0;
    return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "]";
  }

  void show(long documents, long total, long bytes) {
    long now = System.nanoTime();
    if (now - lastShown < (terminal ? 200_000_000L : 10_000_000_000L)) {
      return;
    }
    lastShown = now;
    double seconds = Math.max(1e-3, (now - start) / 1e9);
    String line = String.format(Locale.ROOT, "%s %d/%d documents, %.0f MB, %.0f MB/s",
        bar(documents, total), documents, total, bytes / 1e6, bytes / 1e6 / seconds);
    if (terminal) {
      err.print("\r" + line);
      shown = true;
    } else {
      err.println(line);
    }
    err.flush();
  }

  void finish() {
    if (shown) {
      err.println();
      err.flush();
    }
  }
}
