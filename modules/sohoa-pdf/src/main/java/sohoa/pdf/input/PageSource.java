package sohoa.pdf.input;

import sohoa.core.error.InputRejected;

/**
 * The pages of one input, read one at a time so that a 500-page scan never sits in memory whole.
 * Not thread-safe: one thread reads the pages in order; the {@link PageImage}s it returns may be
 * decoded on any thread.
 */
public interface PageSource extends AutoCloseable {
  int pageCount();

  /** Reads page {@code number} (1-based). */
  SourcePage page(int number) throws InputRejected;

  @Override
  void close();
}
