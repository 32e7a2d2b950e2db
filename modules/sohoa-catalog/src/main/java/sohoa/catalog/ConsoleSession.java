package sohoa.catalog;

import java.time.Instant;
import java.util.Objects;

/**
 * A logged-in officer's session: whose it is, the token every form it posts must carry (against
 * cross-site request forgery), and when it ends.
 */
public record ConsoleSession(String username, String csrfToken, Instant createdAt,
    Instant expiresAt) {
  public ConsoleSession {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(csrfToken, "csrfToken");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** Never the token. */
  @Override
  public String toString() {
    return "ConsoleSession[" + username + ", until " + expiresAt + "]";
  }
}
