package sohoa.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import sohoa.core.error.SohoaException;
import sohoa.core.error.TooSlowInput;
import sohoa.pdf.input.PageSource;
import sohoa.pdf.input.SourcePage;

/**
 * Runs a document's pages through reading on the page threads, at most {@link #PAGES_AHEAD}
 * pages ahead of the one being written, and through writing on the document's thread, in order.
 * Between two pages it stops a document that has taken longer than its limit. Whatever stops it,
 * the pages still waiting for OCR are cancelled (one already in the engine finishes, then its
 * thread is free).
 */
final class PageScheduler {
  /** Pages a document may have decoded or in OCR ahead of the one being written. */
  private static final int PAGES_AHEAD = 2;

  private final ExecutorService pageThreads;

  PageScheduler(ExecutorService pageThreads) {
    this.pageThreads = pageThreads;
  }

  /** Work the document's thread does while its last pages are in OCR. */
  @FunctionalInterface
  interface Meanwhile<T> {
    T run() throws SohoaException;
  }

  /** The pages as written, in order, and what was done meanwhile. */
  record Paged<T>(List<WrittenPage> pages, T meanwhile) {}

  /**
   * Reads and writes every page of {@code pages}; once the last page is handed to the page
   * threads, runs {@code meanwhile} on this thread, so that it costs no wait.
   */
  <T> Paged<T> run(DocumentContext document, PageSource pages,
      Stage<PageContext, SourcePage, PageResult> read,
      Stage<PageContext, PageResult, WrittenPage> write, Meanwhile<T> meanwhile)
      throws SohoaException {
    Deque<Future<PageResult>> ahead = new ArrayDeque<>();
    List<WrittenPage> written = new ArrayList<>();
    int count = pages.pageCount();
    try {
      for (int number = 1; number <= count; number++) {
        checkTime(document, written.size(), count);
        PageContext page = new PageContext(document, number, count);
        SourcePage source = pages.page(number);
        ahead.add(pageThreads.submit(() -> read.run(page, source)));
        if (ahead.size() > PAGES_AHEAD) {
          written.add(writeNext(document, ahead, written.size() + 1, count, write));
        }
      }
      T done = meanwhile.run();
      while (!ahead.isEmpty()) {
        checkTime(document, written.size(), count);
        written.add(writeNext(document, ahead, written.size() + 1, count, write));
      }
      return new Paged<>(written, done);
    } finally {
      ahead.forEach(f -> f.cancel(true));
    }
  }

  private static WrittenPage writeNext(DocumentContext document, Deque<Future<PageResult>> ahead,
      int number, int count, Stage<PageContext, PageResult, WrittenPage> write)
      throws SohoaException {
    return write.run(new PageContext(document, number, count), await(ahead.poll()));
  }

  private static void checkTime(DocumentContext document, int done, int count)
      throws TooSlowInput {
    int limit = document.options().limits().maxSeconds();
    if (document.elapsedMillis() >= limit * 1000L) {
      throw new TooSlowInput(String.format("the document took longer than its limit of %d s"
          + " (%d of %d pages done) and was stopped", limit, done, count),
          "raise --max-seconds if it is simply long, or split it");
    }
  }

  private static PageResult await(Future<PageResult> next) throws SohoaException {
    try {
      return next.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SohoaException failure) {
        throw failure;
      }
      if (e.getCause() instanceof RuntimeException bug) {
        throw bug;
      }
      throw new IllegalStateException("a page task failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for OCR", e);
    }
  }
}
