package sohoa.server;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import sohoa.catalog.ApiKey;
import sohoa.catalog.ApiKeys;
import sohoa.core.document.ContentHash;
import sohoa.core.error.StorageFailure;

/**
 * Who is calling: the bearer key of every {@code /api/v1} request, checked against the catalog's
 * keys (a key checked in the last {@link #REMEMBER} is not asked for again). No key or an unknown one is 401 (with {@code WWW-Authenticate}); a known key without the
 * role or outside the agency is 403.
 */
final class Access {
  /** The request attribute that holds the caller's key. */
  static final String KEY = "sohoa.apiKey";
  /** How long a checked key is trusted without asking the catalog again: a revocation waits. */
  static final Duration REMEMBER = Duration.ofSeconds(5);

  private record Checked(ApiKey key, long until) {}

  private final ApiKeys keys;
  /** By the SHA-256 of the presented key, so no secret is kept here. */
  private final Map<ContentHash, Checked> recent = new ConcurrentHashMap<>();

  Access(ApiKeys keys) {
    this.keys = keys;
  }

  /** Before every API call. */
  void authenticate(Context ctx) throws StorageFailure {
    String header = ctx.header("Authorization");
    if (header == null || !header.startsWith("Bearer ")) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"sohoa\"");
      throw new ApiProblem(401, "Unauthorized", "send the API key as 'Authorization: Bearer"
          + " sohoa_...' (keys are made with 'sohoa keys create')");
    }
    String presented = header.substring(7).strip();
    ContentHash id = ContentHash.of(presented.getBytes(StandardCharsets.UTF_8));
    long now = System.nanoTime();
    Checked checked = recent.get(id);
    Optional<ApiKey> key;
    if (checked != null && checked.until() - now > 0) {
      key = Optional.of(checked.key());
    } else {
      key = keys.authenticate(presented);
      key.ifPresent(k -> recent.put(id, new Checked(k, now + REMEMBER.toNanos())));
      if (recent.size() > 10_000) {
        recent.clear();
      }
    }
    if (key.isEmpty()) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"sohoa\", error=\"invalid_token\"");
      throw new ApiProblem(401, "Unauthorized", "the API key is unknown or revoked");
    }
    ctx.attribute(KEY, key.get());
  }

  /** The caller's key, which must have {@code role}. */
  static ApiKey require(Context ctx, ApiKey.Role role) {
    ApiKey key = ctx.attribute(KEY);
    if (key == null) {
      throw new IllegalStateException("authenticate() runs before every API route");
    }
    if (!key.role().allows(role)) {
      throw new ApiProblem(403, "Forbidden", "this key's role (" + key.role().name()
          .toLowerCase() + ") may not do this; it needs " + role.name().toLowerCase());
    }
    return key;
  }
}
