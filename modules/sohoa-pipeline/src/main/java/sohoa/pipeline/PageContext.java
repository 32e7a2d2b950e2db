package sohoa.pipeline;

import java.util.Objects;

/** What a {@link Stage} over one page knows: its document, and which page of how many it is. */
record PageContext(DocumentContext document, int number, int count) {
  PageContext {
    Objects.requireNonNull(document, "document");
    if (number < 1 || number > count) {
      throw new IllegalArgumentException("page " + number + " of " + count);
    }
  }
}
