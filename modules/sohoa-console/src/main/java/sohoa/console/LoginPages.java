package sohoa.console;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import sohoa.catalog.Catalog;
import sohoa.catalog.ConsoleSessions;
import sohoa.catalog.OfficerAccount;
import sohoa.core.error.StorageFailure;

/**
 * Logging in and out. A wrong password is answered in the same words whether or not the account
 * exists, and wrong tries make the next ones wait ({@link LoginThrottle}) instead of locking the
 * account, which would let anyone keep an officer out. The login form carries its own
 * CSRF token (a cookie and a field that must match), as there is no session yet.
 */
final class LoginPages {
  static final Duration SESSION = Duration.ofHours(8);
  private static final String LOGIN_TOKEN = "sohoa_login";

  private final Catalog catalog;
  private final Passwords passwords;
  private final Views views;
  private final Clock clock;
  private final ConsoleAudit audit;
  private final SecureRandom random = new SecureRandom();
  private final LoginThrottle throttle;

  LoginPages(Catalog catalog, Passwords passwords, Views views, ConsoleAudit audit,
      Clock clock) {
    this.audit = audit;
    this.catalog = catalog;
    this.passwords = passwords;
    this.views = views;
    this.clock = clock;
    this.throttle = new LoginThrottle(clock);
  }

  void form(Context ctx) {
    show(ctx, 200, Optional.ofNullable(ctx.queryParam("out"))
        .map(o -> views.text("console.logged-out")),
        Optional.empty());
  }

  void login(Context ctx) throws StorageFailure {
    String expected = ctx.cookie(LOGIN_TOKEN);
    if (expected == null) {
      throw new ConsoleProblem(403, "console.login.stale");
    }
    Guard.requireToken(ctx, expected);
    String username = Optional.ofNullable(ctx.formParam("username")).orElse("").strip()
        .toLowerCase(Locale.ROOT);
    char[] password = Optional.ofNullable(ctx.formParam("password")).orElse("").toCharArray();
    Instant now = clock.instant();
    String address = ctx.ip();
    Optional<Duration> wait = throttle.wait(username, address);
    if (wait.isPresent()) {
      Arrays.fill(password, '\0');
      long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
      ctx.header("Retry-After", String.valueOf(seconds));
      refuse(ctx, 429, username, "throttled", views.text("console.login.throttled", seconds));
      return;
    }
    Optional<OfficerAccount> account = catalog.officers().find(username);
    boolean right = passwords.matches(password,
        account.isEmpty() ? null : catalog.officers().passwordHash(username).orElse(null));
    Arrays.fill(password, '\0');
    if (!right) {
      // The same words whether or not the name exists: the answer tells no one which do.
      throttle.failed(username, address);
      refuse(ctx, 401, username, "failed", views.text("console.login.failed"));
      return;
    }
    throttle.succeeded(username, address);
    catalog.officers().succeeded(username, OfficerAccount.Proof.PASSWORD);
    ConsoleSessions.Opened opened = catalog.sessions().open(username, SESSION, now);
    Guard.cookie(ctx, Guard.COOKIE, opened.cookie(), SESSION.toSeconds());
    Guard.cookie(ctx, LOGIN_TOKEN, "", 0);
    audit.record("officer:" + username, ctx, "console.login", username, Optional.empty());
    ctx.redirect(safeNext(ctx.formParam("next")), HttpStatus.SEE_OTHER);
  }

  void logout(Context ctx) throws StorageFailure {
    String cookie = ctx.cookie(Guard.COOKIE);
    if (cookie != null) {
      catalog.sessions().close(cookie);
    }
    Guard.cookie(ctx, Guard.COOKIE, "", 0);
    audit.record(ctx, "console.logout", Guard.officer(ctx).username(), Optional.empty());
    ctx.redirect("/console/login?out=1", HttpStatus.SEE_OTHER);
  }

  private void refuse(Context ctx, int status, String username, String outcome, String message)
      throws StorageFailure {
    audit.record("public", ctx, "console.login." + outcome, username, Optional.empty());
    show(ctx, status, Optional.empty(), Optional.of(message));
  }

  private void show(Context ctx, int status, Optional<String> notice, Optional<String> error) {
    // The same token for every render while the cookie lasts: a page loaded twice (a reload,
    // a second tab) must not leave the first form with a token the cookie no longer matches.
    String token = Optional.ofNullable(ctx.cookie(LOGIN_TOKEN))
        .filter(t -> t.matches("[A-Za-z0-9_-]{32}")).orElseGet(() -> {
          byte[] bytes = new byte[24];
          random.nextBytes(bytes);
          return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        });
    Guard.cookie(ctx, LOGIN_TOKEN, token, 3600);
    views.render(ctx, status, "login", Map.of("loginToken", token, "next",
        safeNext(Optional.ofNullable(ctx.formParam("next")).orElse(ctx.queryParam("next"))),
        "notice", notice.orElse(""), "error", error.orElse(""), "insecure",
        !keepsSecureCookies(ctx.scheme(), ctx.header("X-Forwarded-Proto"), ctx.host()),
        "username", Optional.ofNullable(ctx.formParam("username")).orElse("")));
  }

  /**
   * Whether a browser keeps the Secure session cookie from a page reached this way: over HTTPS
   * (here or at a proxy in front), or on this machine, which browsers trust without it. Over
   * plain HTTP from another machine no login can last, and the page says so.
   */
  static boolean keepsSecureCookies(String scheme, String forwardedProto, String host) {
    if ("https".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(forwardedProto)) {
      return true;
    }
    String name = host == null ? "" : host.replaceFirst(":\\d+$", "").toLowerCase(Locale.ROOT);
    return name.equals("localhost") || name.endsWith(".localhost") || name.startsWith("127.")
        || name.equals("[::1]");
  }


  /** Only a console path of this server: never another site (an open redirect). */
  private static String safeNext(String next) {
    if (next == null || !next.startsWith("/console") || next.startsWith("//")
        || next.contains("\\") || next.startsWith("/console/login")) {
      return "/console";
    }
    return next;
  }
}
