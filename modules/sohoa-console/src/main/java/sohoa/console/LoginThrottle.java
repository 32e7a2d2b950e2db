package sohoa.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Growing waits after wrong logins, counted per user name and per client address, instead of a
 * lockout. A lock after five wrong passwords let anyone who knew an officer's user name keep them
 * out; here the first {@value #FREE} wrong tries cost nothing, then each doubles the wait from
 * {@link #FIRST}. Per user name the wait stops growing at {@link #USER_CAP}, so a stranger holds an
 * officer back a minute at most; per address at {@link #ADDRESS_CAP}, which is what slows a
 * guesser down. A name is counted whether or not an account has it, so that the waits tell no one
 * which names exist. A right password clears its name's and its address's count. Thread-safe;
 * kept in memory (a restart forgets it), at most {@value #REMEMBERED} names and addresses each.
 */
final class LoginThrottle {
  static final int FREE = 3;
  static final Duration FIRST = Duration.ofSeconds(2);
  static final Duration USER_CAP = Duration.ofMinutes(1);
  static final Duration ADDRESS_CAP = Duration.ofMinutes(15);
  /** Beyond this the least recently failed are forgotten: a spray of names cannot fill memory. */
  static final int REMEMBERED = 10_000;

  private final Clock clock;
  private final Counts users = new Counts(USER_CAP);
  private final Counts addresses = new Counts(ADDRESS_CAP);

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** How long this name, from this address, must still wait before its password is tried. */
  Optional<Duration> wait(String user, String address) {
    Instant now = clock.instant();
    Instant until = later(users.until(user), addresses.until(address));
    return until.isAfter(now) ? Optional.of(Duration.between(now, until)) : Optional.empty();
  }

  void failed(String user, String address) {
    Instant now = clock.instant();
    users.failed(user, now);
    addresses.failed(address, now);
  }

  void succeeded(String user, String address) {
    users.clear(user);
    addresses.clear(address);
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  /** Wrong tries in a row for one kind of key, and until when the next must wait. */
  private static final class Counts {
    private final Duration cap;
    private final Map<String, Tries> tries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Tries> eldest) {
        return size() > REMEMBERED;
      }
    };

    Counts(Duration cap) {
      this.cap = cap;
    }

    synchronized Instant until(String key) {
      Tries t = tries.get(key);
      return t == null ? Instant.MIN : t.until();
    }

    synchronized void failed(String key, Instant now) {
      int failures = Math.min(64, tries.getOrDefault(key, Tries.NONE).failures() + 1);
      Duration wait = failures <= FREE ? Duration.ZERO
          : min(FIRST.multipliedBy(1L << Math.min(30, failures - FREE - 1)), cap);
      tries.put(key, new Tries(failures, now.plus(wait)));
    }

    synchronized void clear(String key) {
      tries.remove(key);
    }

    private static Duration min(Duration a, Duration b) {
      return a.compareTo(b) < 0 ? a : b;
    }
  }

  private record Tries(int failures, Instant until) {
    static final Tries NONE = new Tries(0, Instant.MIN);
  }
}
