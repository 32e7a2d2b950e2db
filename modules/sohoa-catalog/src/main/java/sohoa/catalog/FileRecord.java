package sohoa.catalog;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What an input file said about itself, as the catalog indexes it; see the manifest for all of it.
 *
 * @param problem why the file's metadata could not be read in full, when it could not
 */
public record FileRecord(Optional<String> title, Optional<String> author,
    Optional<String> creatorTool, Optional<String> producer, Optional<Instant> created,
    Optional<Instant> modified, OptionalInt pageCount, boolean xmp, Optional<String> problem) {
  public FileRecord {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(creatorTool, "creatorTool");
    Objects.requireNonNull(producer, "producer");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(modified, "modified");
    Objects.requireNonNull(pageCount, "pageCount");
    Objects.requireNonNull(problem, "problem");
  }
}
