package sohoa.pipeline;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import sohoa.core.document.ContentHash;
import sohoa.core.document.DocumentId;

/**
 * What every {@link Stage} knows of the document it works on: the input and its hash and id, when
 * its digitising began, the options, the document's own work folder (its intermediate files are
 * named there by stage), the clock, and who listens.
 */
record DocumentContext(Path source, ContentHash hash, DocumentId id, Instant started,
    Path work, DigitizeOptions options, Clock clock, PipelineListener listener) {
  DocumentContext {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(work, "work");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(listener, "listener");
  }

  /** The input's file name, as the archive and the manifest give it. */
  String name() {
    return source.getFileName().toString();
  }

  /** Milliseconds since digitising began. */
  long elapsedMillis() {
    return clock.millis() - started.toEpochMilli();
  }

  /** The intermediate file {@code name} of this document, in its work folder. */
  Path file(String name) {
    return work.resolve(name);
  }
}
