package sohoa.server;

import io.javalin.http.Context;
import java.util.Optional;
import sohoa.catalog.ApiKey;
import sohoa.catalog.ApiKeys;
import sohoa.core.error.StorageFailure;
import sohoa.core.text.Folding;

/**
 * Who is calling: the bearer key of every {@code /api/v1} request, checked against the catalog's
 * keys. No key or an unknown one is 401 (with {@code WWW-Authenticate}); a known key without the
 * role or outside the agency is 403.
 */
final class Access {
  /** The request attribute that holds the caller's key. */
  static final String KEY = "sohoa.apiKey";

  private final ApiKeys keys;

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
    Optional<ApiKey> key = keys.authenticate(header.substring(7).strip());
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

  /** Whether a key scoped to an agency may see a document issued by {@code agency}. */
  static boolean maySee(ApiKey key, Optional<String> agency) {
    if (key.agency().isEmpty()) {
      return true;
    }
    return agency.map(a -> Folding.fold(a).contains(Folding.fold(key.agency().get())))
        .orElse(false);
  }
}
