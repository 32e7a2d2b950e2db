package sohoa.catalog;

import java.time.Instant;
import java.util.Objects;

/** A process's claim on an original it is digitising ({@code host:pid:start}, since when). */
public record Claim(String holder, Instant claimedAt) {
  public Claim {
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(claimedAt, "claimedAt");
  }
}
