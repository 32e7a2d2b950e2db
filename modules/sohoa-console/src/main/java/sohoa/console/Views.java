package sohoa.console;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import sohoa.catalog.ConsoleSession;
import sohoa.catalog.OfficerAccount;

/**
 * Renders the console's Thymeleaf templates. Every page gets the officer, the session's CSRF
 * token for its forms, and the path it is at; Thymeleaf escapes every value, so OCR text or a file
 * name cannot inject markup.
 */
final class Views {
  private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

  private final TemplateEngine engine = new TemplateEngine();

  Views() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(
        Views.class.getClassLoader());
    resolver.setPrefix("sohoa/console/templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    engine.setTemplateResolver(resolver);
  }

  /** Answers with {@code template} and {@code variables}, at {@code status}. */
  void render(Context ctx, int status, String template, Map<String, ?> variables) {
    org.thymeleaf.context.Context page = new org.thymeleaf.context.Context(VIETNAMESE);
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
        .result(engine.process(template, page));
  }

  void render(Context ctx, String template, Map<String, ?> variables) {
    render(ctx, 200, template, variables);
  }
}
