package sohoa.sign.pades;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where RFC 3161 timestamps come from, and how patiently.
 *
 * @param user and {@code password}: HTTP basic authentication, when the TSA asks for it
 * @param timeout for each attempt, connecting and answering
 * @param attempts how many times to ask before giving up (a TSA briefly away is common)
 */
public record TimestampAuthority(URI url, Optional<String> user, Optional<char[]> password,
    Duration timeout, int attempts) {
  public TimestampAuthority {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    if (!url.getScheme().equals("http") && !url.getScheme().equals("https")) {
      throw new IllegalArgumentException("a TSA is reached over HTTP(S), not " + url);
    }
    if (timeout.isNegative() || timeout.isZero() || attempts < 1) {
      throw new IllegalArgumentException("a TSA needs a positive timeout and at least one attempt");
    }
  }

  /** Anonymous, 15 s per attempt, three attempts. */
  public static TimestampAuthority at(URI url) {
    return new TimestampAuthority(url, Optional.empty(), Optional.empty(), Duration.ofSeconds(15),
        3);
  }

  @Override
  public String toString() {
    return "TimestampAuthority[" + url + user.map(u -> ", user " + u).orElse("") + "]";
  }
}
