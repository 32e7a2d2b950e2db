package sohoa.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import sohoa.core.document.DocumentId;

/** What became of one input. */
public sealed interface DocumentOutcome {
  Path source();

  /** Newly digitised and stored; {@code needsReview} lists the pages read with low confidence. */
  record Digitised(Path source, DocumentId id, int pages, float meanConfidence,
      List<Integer> needsReview, long millis) implements DocumentOutcome {
    public Digitised {
      needsReview = List.copyOf(needsReview);
    }
  }

  /** Already in the store from an earlier run; nothing was redone. */
  record Reused(Path source, DocumentId id, int pages) implements DocumentOutcome {}

  /**
   * Not digitised. {@code quarantined} is where the input was kept with its reason, when the input
   * itself was at fault.
   */
  record Failed(Path source, String code, String message, String remedy,
      Optional<Path> quarantined) implements DocumentOutcome {}
}
