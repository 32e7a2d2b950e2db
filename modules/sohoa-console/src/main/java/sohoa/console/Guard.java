package sohoa.console;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import sohoa.catalog.Catalog;
import sohoa.catalog.ConsoleSession;
import sohoa.catalog.OfficerAccount;
import sohoa.core.error.StorageFailure;

/**
 * Stands before every console page: no live session, and a page sends the browser to the login
 * (with where it was going); a form posted without the session's CSRF token is refused. The
 * session cookie is HttpOnly, Secure and SameSite=Strict, and lives under {@code /console} only.
 */
final class Guard {
  static final String COOKIE = "sohoa_console";
  static final String OFFICER = "sohoa.officer";
  static final String SESSION = "sohoa.session";
  static final String CSRF_FIELD = "_csrf";

  private final Catalog catalog;
  private final Clock clock;

  Guard(Catalog catalog, Clock clock) {
    this.catalog = catalog;
    this.clock = clock;
  }

  /** Before every path under {@code /console} but the login page and the style sheet. */
  void check(Context ctx) throws StorageFailure {
    String path = ctx.path();
    if (path.equals("/console/login") || path.startsWith("/console/static/")) {
      return;
    }
    Optional<ConsoleSession> session = catalog.sessions().find(ctx.cookie(COOKIE),
        clock.instant());
    Optional<OfficerAccount> officer = session.isEmpty() ? Optional.empty()
        : catalog.officers().find(session.get().username());
    if (officer.isEmpty()) {
      if (ctx.method() == HandlerType.GET) {
        ctx.redirect("/console/login?next=" + URLEncoder.encode(path
            + (ctx.queryString() == null ? "" : "?" + ctx.queryString()),
            StandardCharsets.UTF_8), HttpStatus.SEE_OTHER);
        ctx.skipRemainingHandlers();
        return;
      }
      throw new ConsoleProblem(401, "console.session-expired");
    }
    ctx.attribute(SESSION, session.get());
    ctx.attribute(OFFICER, officer.get());
    if (ctx.method() == HandlerType.POST) {
      requireToken(ctx, session.get().csrfToken());
    }
  }

  /** The form's token, or the {@code X-CSRF-Token} header of a script's request. */
  static void requireToken(Context ctx, String expected) {
    String sent = Optional.ofNullable(ctx.header("X-CSRF-Token"))
        .orElseGet(() -> ctx.formParam(CSRF_FIELD));
    if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
        expected.getBytes(StandardCharsets.UTF_8))) {
      throw new ConsoleProblem(403, "console.form-stale");
    }
  }

  static OfficerAccount officer(Context ctx) {
    OfficerAccount officer = ctx.attribute(OFFICER);
    if (officer == null) {
      throw new IllegalStateException("the guard runs before every console page");
    }
    return officer;
  }

  /** The officer, who must have {@code role}. */
  static OfficerAccount officer(Context ctx, OfficerAccount.Role role) {
    OfficerAccount officer = officer(ctx);
    if (!officer.role().allows(role)) {
      throw new ConsoleProblem(403, "console.not-allowed");
    }
    return officer;
  }

  /** Sets or clears ({@code value} empty) the session cookie. */
  static void cookie(Context ctx, String name, String value, long maxAgeSeconds) {
    ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=/console; Max-Age="
        + maxAgeSeconds + "; HttpOnly; Secure; SameSite=Strict");
  }
}
