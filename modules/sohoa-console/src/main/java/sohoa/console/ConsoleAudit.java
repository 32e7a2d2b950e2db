package sohoa.console;

import io.javalin.http.Context;
import java.util.Optional;
import sohoa.catalog.AuditTrail;
import sohoa.core.document.ContentHash;
import sohoa.core.error.StorageFailure;

/**
 * Writes what officers do in the console to the audit log, as {@code officer:<user name>}: an
 * action that cannot be logged fails, and is not done silently.
 */
final class ConsoleAudit {
  /** The agency of the record a request read, set by whatever found it visible. */
  static final String AGENCY = "sohoa.agency";

  private final AuditTrail trail;

  ConsoleAudit(AuditTrail trail) {
    this.trail = trail;
  }

  /** What the logged-in officer did. */
  void record(Context ctx, String action, String subject, Optional<ContentHash> document)
      throws StorageFailure {
    record("officer:" + Guard.officer(ctx).username(), ctx, action, subject, document);
  }

  /** What someone not logged in tried ({@code actor} is then {@code public}). */
  void record(String actor, Context ctx, String action, String subject,
      Optional<ContentHash> document) throws StorageFailure {
    String agency = ctx.attribute(AGENCY);
    trail.record(new AuditTrail.Entry(actor, action, subject, document,
        ctx.method().name() + " " + ctx.path()
            + (ctx.queryString() == null ? "" : "?" + ctx.queryString())
            + (agency == null ? "" : " agency=" + agency)));
  }

  /**
   * After every page, picture or file the console served an officer: what was read (the
   * address, a search's words included) and the agency of the record it belongs to.
   */
  void read(Context ctx) throws StorageFailure {
    if (ctx.method().name().equals("GET") && ctx.status().getCode() == 200
        && ctx.attribute(Guard.OFFICER) != null && !ctx.path().startsWith("/console/static/")) {
      record(ctx, "console.read", ctx.path(), Optional.empty());
    }
  }
}
