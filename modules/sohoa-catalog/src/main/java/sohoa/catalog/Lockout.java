package sohoa.catalog;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Wrong tries in a row at one proof of identity (a password, a signing key's PIN), and until when
 * too many of them lock what it guards.
 */
public record Lockout(int failures, Optional<Instant> until) {
  /** No wrong try yet, nothing locked. */
  public static final Lockout NONE = new Lockout(0, Optional.empty());

  public Lockout {
    if (failures < 0) {
      throw new IllegalArgumentException("failures cannot be negative: " + failures);
    }
    Objects.requireNonNull(until, "until");
  }

  public boolean lockedAt(Instant now) {
    return until.map(now::isBefore).orElse(false);
  }
}
