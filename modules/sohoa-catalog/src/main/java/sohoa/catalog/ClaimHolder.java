package sohoa.catalog;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import sohoa.core.document.ContentHash;
import sohoa.core.error.StorageFailure;
import sohoa.core.process.Holder;

/**
 * This process as a holder of {@link Claims}: it claims an original before digitising it, waits
 * while a live process on any host digitises it, takes over the claim of one that died, and keeps
 * the claims it holds alive with {@link #renew} every {@link #RENEWAL}. Thread-safe.
 */
public final class ClaimHolder {
  /** How often a holder renews the claims it holds. */
  public static final Duration RENEWAL = Duration.ofMinutes(1);
  /**
   * How long a claim from another host counts as alive without being renewed: five renewals
   * missed.
   */
  private static final Duration LEASE = RENEWAL.multipliedBy(5);
  private static final Duration POLL = Duration.ofMillis(500);

  private final Claims claims;
  private final Holder self;
  private final Clock clock;
  private final AtomicInteger held = new AtomicInteger();

  public ClaimHolder(Claims claims, Holder self, Clock clock) {
    this.claims = claims;
    this.self = self;
    this.clock = clock;
  }

  /** Whether another holder has finished the original, asked while this one waits for it. */
  @FunctionalInterface
  public interface Finished {
    boolean check() throws StorageFailure;
  }

  /**
   * Claims {@code original} for this process, waiting while another live process holds it.
   *
   * @return the claim, to be closed once the original is digitised or has failed; empty once
   *     {@code finished} says the other process has digitised it
   */
  public Optional<Held> claim(ContentHash original, Finished finished) throws StorageFailure {
    String me = self.toString();
    while (!claims.claim(original, me, clock.instant())) {
      Optional<Claim> other = claims.of(original);
      if (other.isPresent() && self.seesAbandoned(other.get().holder(), other.get().claimedAt(),
          clock.instant(), LEASE)) {
        if (claims.takeOver(original, other.get().holder(), me, clock.instant())) {
          return Optional.of(new Held(original));
        }
        continue;
      }
      if (other.isPresent()) {
        pause(original);
      }
      if (finished.check()) {
        return Optional.empty();
      }
    }
    return Optional.of(new Held(original));
  }

  /**
   * Renews this process's claims, if it holds any, so that processes on other hosts wait for a
   * long document instead of taking it over.
   */
  public void renew() throws StorageFailure {
    if (held.get() > 0) {
      claims.renew(self.toString(), clock.instant());
    }
  }

  private static void pause(ContentHash original) throws StorageFailure {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageFailure("interrupted while another process digitised the original "
          + original.hex(), "run the batch again: what is done is kept", e);
    }
  }

  /** A claim this process holds; closing it gives the original up. */
  public final class Held implements AutoCloseable {
    private final ContentHash original;

    private Held(ContentHash original) {
      this.original = original;
      held.incrementAndGet();
    }

    @Override
    public void close() throws StorageFailure {
      held.decrementAndGet();
      claims.release(original, self.toString());
    }
  }
}
