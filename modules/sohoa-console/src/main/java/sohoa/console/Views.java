package sohoa.console;

import io.javalin.http.Context;
import java.util.Map;
import sohoa.catalog.ConsoleSession;
import sohoa.catalog.OfficerAccount;
import sohoa.core.i18n.Messages;
import sohoa.pipeline.page.PageTemplates;

/**
 * Renders the console's Thymeleaf templates in the officers' language. Every page gets the
 * officer, the session's CSRF token for its forms, and the path it is at; Thymeleaf escapes every
 * value, so OCR text or a file name cannot inject markup.
 */
final class Views {
  private final PageTemplates templates;

  Views(Messages words) {
    templates = new PageTemplates(Views.class, "sohoa/console/templates", words);
  }

  /** The catalogue the pages speak. */
  Messages words() {
    return templates.messages();
  }

  /** The catalogue's text of {@code key}. */
  String text(String key, Object... arguments) {
    return words().text(key, arguments);
  }

  /** Answers with {@code template} and {@code variables}, at {@code status}. */
  void render(Context ctx, int status, String template, Map<String, ?> variables) {
    org.thymeleaf.context.Context page = templates.context();
    page.setVariables(Map.copyOf(variables));
    OfficerAccount officer = ctx.attribute(Guard.OFFICER);
    ConsoleSession session = ctx.attribute(Guard.SESSION);
    page.setVariable("officer", officer);
    page.setVariable("csrf", session == null ? "" : session.csrfToken());
    page.setVariable("path", ctx.path());
    ctx.status(status).contentType("text/html; charset=utf-8")
        .header("Cache-Control", "no-store")
        // Nothing but this server's own scripts, styles and pictures; never inside a frame.
        .header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:;"
            + " object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
        .header("X-Frame-Options", "DENY")
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "same-origin")
        .result(templates.render(template, page));
  }

  void render(Context ctx, String template, Map<String, ?> variables) {
    render(ctx, 200, template, variables);
  }
}
