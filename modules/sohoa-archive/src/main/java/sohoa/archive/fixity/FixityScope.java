package sohoa.archive.fixity;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What an audit covers and how fast it may go.
 *
 * @param sample check this many documents drawn at random (and skip the store-wide orphan walk)
 * @param since check only documents made since then
 * @param repairCatalog index documents the store holds and the catalog lacks
 * @param maxBytesPerSecond read no faster than this (0: as fast as the store answers), so an
 *     audit can run beside the working day
 */
public record FixityScope(OptionalInt sample, Optional<Instant> since, boolean repairCatalog,
    long maxBytesPerSecond) {
  public FixityScope {
    if (sample.isPresent() && sample.getAsInt() < 1) {
      throw new IllegalArgumentException("a sample is at least 1 document, not "
          + sample.getAsInt());
    }
    if (sample.isPresent() && since.isPresent()) {
      throw new IllegalArgumentException("a sample and a start date cannot be combined");
    }
    if (maxBytesPerSecond < 0) {
      throw new IllegalArgumentException("a rate limit cannot be negative");
    }
  }

  /** Everything, as fast as it goes. */
  public static FixityScope everything() {
    return new FixityScope(OptionalInt.empty(), Optional.empty(), false, 0);
  }

  /** Whether the audit walks the whole store (and so can find orphans). */
  boolean whole() {
    return sample.isEmpty() && since.isEmpty();
  }
}
