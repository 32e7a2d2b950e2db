package sohoa.catalog;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.sql.DataSource;
import sohoa.core.document.ContentHash;
import sohoa.core.error.StorageFailure;

/**
 * The console's sessions, in the catalog so that every server of a shared deployment knows them.
 * The cookie is 256 random bits; only its SHA-256 is kept, so a copy of the catalog logs no one
 * in.
 */
public final class ConsoleSessions {
  private final DataSource source;
  private final SecureRandom random = new SecureRandom();

  ConsoleSessions(DataSource source) {
    this.source = source;
  }

  /** A session begun, and the cookie value that names it (nowhere else once returned). */
  public record Opened(String cookie, ConsoleSession session) {
    @Override
    public String toString() {
      return "Opened[" + session + "]";
    }
  }

  public Opened open(String username, Duration lifetime, Instant at) throws StorageFailure {
    String cookie = token();
    ConsoleSession session = new ConsoleSession(username, token(), at, at.plus(lifetime));
    Sql.update(source, "open a session for " + username, "INSERT INTO console_sessions"
        + " (id_sha256, username, csrf_token, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
        hash(cookie), username, session.csrfToken(), at, session.expiresAt());
    return new Opened(cookie, session);
  }

  /** The live session the cookie names: not ended, not expired, its account not disabled. */
  public Optional<ConsoleSession> find(String cookie, Instant now) throws StorageFailure {
    if (cookie == null || cookie.isEmpty()) {
      return Optional.empty();
    }
    return Sql.query(source, "look up a session", "SELECT s.username, s.csrf_token,"
        + " s.created_at, s.expires_at FROM console_sessions s JOIN officers o ON o.username"
        + " = s.username WHERE s.id_sha256 = ? AND s.expires_at > ? AND o.disabled_at IS NULL",
        r -> new ConsoleSession(r.getString(1), r.getString(2), r.getTimestamp(3).toInstant(),
            r.getTimestamp(4).toInstant()), hash(cookie), now).stream().findFirst();
  }

  /** Logs out. */
  public void close(String cookie) throws StorageFailure {
    Sql.update(source, "end a session", "DELETE FROM console_sessions WHERE id_sha256 = ?",
        hash(cookie));
  }

  /** Forgets sessions that ended before {@code now}. */
  public int purge(Instant now) throws StorageFailure {
    return Sql.update(source, "forget ended sessions", "DELETE FROM console_sessions WHERE"
        + " expires_at <= ?", now);
  }

  private String token() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String hash(String cookie) {
    return ContentHash.of(cookie.getBytes(StandardCharsets.US_ASCII)).hex();
  }
}
