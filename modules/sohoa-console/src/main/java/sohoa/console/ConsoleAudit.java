package sohoa.console;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import sohoa.catalog.AuditLog;
import sohoa.core.document.ContentHash;
import sohoa.core.error.StorageFailure;

/**
 * Writes what officers do in the console to the audit log, as {@code officer:<user name>}: an
 * action that cannot be logged fails, and is not done silently.
 */
final class ConsoleAudit {
  private final AuditLog log;
  private final Clock clock;

  ConsoleAudit(AuditLog log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  /** What the logged-in officer did. */
  void record(Context ctx, String action, String subject, Optional<ContentHash> document)
      throws StorageFailure {
    record("officer:" + Guard.officer(ctx).username(), ctx, action, subject, document);
  }

  /** What someone not logged in tried ({@code actor} is then {@code public}). */
  void record(String actor, Context ctx, String action, String subject,
      Optional<ContentHash> document) throws StorageFailure {
    log.appendAll(List.of(new AuditLog.Event(actor, action, subject, document,
        ctx.method().name() + " " + ctx.path(), clock.instant())));
  }
}
