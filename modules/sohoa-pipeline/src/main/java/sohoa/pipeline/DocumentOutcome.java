package sohoa.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import sohoa.catalog.JobItem;
import sohoa.core.document.DocumentId;

/** What became of one input. */
public sealed interface DocumentOutcome {
  Path source();

  /** The same outcome for the input as its job knows it (a worker reads a copy of it). */
  default DocumentOutcome from(Path source) {
    if (this instanceof Digitised d) {
      return new Digitised(source, d.id(), d.pages(), d.meanConfidence(), d.needsReview(),
          d.millis());
    }
    if (this instanceof Reused r) {
      return new Reused(source, r.id(), r.pages());
    }
    Failed f = (Failed) this;
    return new Failed(source, f.code(), f.message(), f.remedy(), f.quarantined());
  }

  /** The outcome as the job's record of the input known as {@code name}. */
  default JobItem toJobItem(String name) {
    if (this instanceof Digitised d) {
      return new JobItem(name, JobItem.Status.DONE, Optional.of(d.id()), Optional.empty(),
          Optional.empty(), Optional.empty());
    }
    if (this instanceof Reused r) {
      return new JobItem(name, JobItem.Status.REUSED, Optional.of(r.id()), Optional.empty(),
          Optional.empty(), Optional.empty());
    }
    Failed f = (Failed) this;
    return new JobItem(name, JobItem.Status.FAILED, Optional.empty(), Optional.of(f.code()),
        Optional.of(f.message()), Optional.of(f.remedy()));
  }

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
