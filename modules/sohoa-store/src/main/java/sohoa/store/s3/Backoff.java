package sohoa.store.s3;

import java.time.Duration;

/**
 * How often and how patiently a request that failed for a passing reason (connection refused or
 * reset, a 5xx, SlowDown) is tried again: {@code attempts} in all, waiting {@code first}, then
 * twice as long each time up to {@code longest}.
 */
public record Backoff(int attempts, Duration first, Duration longest) {
  /** Six attempts over about half a minute: a server restart or a failover fits in it. */
  public static final Backoff DEFAULT = new Backoff(6, Duration.ofMillis(500), Duration.ofSeconds(10));

  public Backoff {
    if (attempts < 1) {
      throw new IllegalArgumentException("at least one attempt, got " + attempts);
    }
  }

  Duration before(int attempt) {
    long millis = first.toMillis() << Math.min(attempt - 1, 20);
    return Duration.ofMillis(Math.min(millis, longest.toMillis()));
  }
}
