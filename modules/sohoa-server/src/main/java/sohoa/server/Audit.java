package sohoa.server;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.Optional;
import sohoa.catalog.ApiKey;
import sohoa.catalog.AuditLog;
import sohoa.core.document.ContentHash;
import sohoa.core.error.StorageFailure;

/**
 * Writes what a request did to the audit log: the actor is the caller's key ({@code key:<id>}),
 * or {@code public} on the verification page. An action that cannot be logged is not answered.
 */
final class Audit {
  private final AuditLog log;
  private final Clock clock;

  Audit(AuditLog log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  void record(Context ctx, String action, String subject, Optional<ContentHash> document)
      throws StorageFailure {
    ApiKey key = ctx.attribute(Access.KEY);
    String actor = key == null ? "public" : "key:" + key.id();
    log.append(actor, action, subject, document, ctx.method().name() + " " + ctx.path()
        + (ctx.queryString() == null ? "" : "?" + ctx.queryString()), clock.instant());
  }
}
