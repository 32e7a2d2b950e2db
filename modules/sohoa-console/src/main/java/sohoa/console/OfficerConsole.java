package sohoa.console;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sohoa.certify.CertificationService;
import sohoa.core.error.SohoaException;
import sohoa.core.i18n.Messages;

/**
 * The officer console, mounted on the server under {@code /console}. Every page but the login
 * stands behind {@link Guard}; failures are pages in Vietnamese that say what was not done and
 * what to do, never a stack trace.
 */
public final class OfficerConsole {
  private static final Logger LOG = LoggerFactory.getLogger(OfficerConsole.class);
  private static final Map<String, String> STATIC = Map.of("console.css", "text/css",
      "console.js", "text/javascript");

  private static final String ROOT = "/console";
  private final ConsoleServices services;
  private final Clock clock;
  private final Views views;
  private final List<String> routes = new ArrayList<>();

  /** A console whose pages speak {@code words}' language (officers read Vietnamese). */
  public OfficerConsole(ConsoleServices services, Messages words, Clock clock) {
    this.views = new Views(words);
    this.services = services;
    this.clock = clock;
  }

  /** Whether {@code ctx} asks for one of the console's pages. */
  public static boolean serves(Context ctx) {
    return ctx.path().equals(ROOT) || ctx.path().startsWith(ROOT + "/");
  }

  /**
   * Answers, with a console page, a console request refused for a body larger than
   * {@code maxBytes}: the upload page's own answer names the file and is kept; the server's,
   * given before any page saw the request, is for programs and is replaced.
   */
  public void tooLarge(Context ctx, long maxBytes) {
    String type = ctx.res().getContentType();
    if (type == null || !type.startsWith("text/html")) {
      render(ctx, ConsoleProblem.tooLarge(maxBytes));
    }
  }

  /** Every route mounted, as {@code METHOD /path/{param}}: what the scope tests walk. */
  public List<String> routes() {
    return List.copyOf(routes);
  }

  /** Adds the console's routes, its guard and its error pages to {@code app}. */
  public void mount(Javalin app) {
    ConsoleAudit audit = new ConsoleAudit(services.catalog().auditTrail(clock));
    Guard guard = new Guard(services.catalog(), clock);
    Documents documents = new Documents(services.catalog(), services.store(),
        services.work());
    LoginPages login = new LoginPages(services.catalog(), new Passwords(), views, audit, clock);
    SearchPage search = new SearchPage(services.catalog(), views);
    DocumentPage document = new DocumentPage(services.catalog(), services.store(), documents,
        views, audit, clock, services.certification().map(CertificationService::agency));
    UploadPage upload = new UploadPage(services.catalog(), services.uploads(), views, audit);
    CopyPages copies = new CopyPages(services, documents, document, views, audit, clock);
    RegisterPage register = new RegisterPage(services.catalog(), services.office(), views,
        clock);
    StatsPage stats = new StatsPage(services.catalog(), views, clock);

    app.before(ROOT, guard::check);
    app.before(ROOT + "/*", guard::check);
    route(app, HandlerType.GET, "/console", search::show);
    route(app, HandlerType.GET, "/console/login", login::form);
    route(app, HandlerType.POST, "/console/login", login::login);
    route(app, HandlerType.POST, "/console/logout", login::logout);
    route(app, HandlerType.GET, "/console/documents/{id}", document::show);
    route(app, HandlerType.GET, "/console/documents/{id}/thumbnail",
        ctx -> documents.page(ctx, 1, 160));
    route(app, HandlerType.GET, "/console/documents/{id}/pages/{n}/image",
        ctx -> documents.page(ctx, SearchPage.parseInt(ctx.pathParam("n"), 0), 1000));
    route(app, HandlerType.GET, "/console/documents/{id}/files/{variant}", documents::file);
    route(app, HandlerType.POST, "/console/documents/{id}/fields", document::correctField);
    route(app, HandlerType.POST, "/console/documents/{id}/pages/{n}/text",
        document::correctPage);
    route(app, HandlerType.POST, "/console/documents/{id}/certify", copies::certify);
    route(app, HandlerType.GET, "/console/upload", upload::form);
    route(app, HandlerType.POST, "/console/upload", upload::upload);
    route(app, HandlerType.GET, "/console/jobs/{id}", upload::job);
    route(app, HandlerType.GET, "/console/jobs/{id}/status", upload::jobStatus);
    route(app, HandlerType.GET, "/console/copies/{id}", copies::show);
    route(app, HandlerType.GET, "/console/copies/{id}/receipt", copies::receipt);
    route(app, HandlerType.GET, "/console/copies/{id}/ban-sao.pdf", copies::download);
    route(app, HandlerType.GET, "/console/register", register::show);
    route(app, HandlerType.GET, "/console/register.csv", register::csv);
    route(app, HandlerType.GET, "/console/thong-ke", stats::show);
    route(app, HandlerType.GET, "/console/static/{name}", OfficerConsole::asset);
    // Every read is on record: who read which record, picture, search or register, when.
    app.after(ROOT + "/*", audit::read);
    app.after(ROOT, audit::read);
    app.exception(ConsoleProblem.class, (e, ctx) -> render(ctx, e));
  }

  private void render(Context ctx, ConsoleProblem problem) {
    views.render(ctx, problem.status(), "problem", Map.of("message",
        problem.text(views.words()), "loggedOut", problem.status() == 401));
  }

  /** Adds a route whose failures become console pages rather than the API's problem JSON. */
  private void route(Javalin app, HandlerType method, String path, Handler handler) {
    routes.add(method.name() + " " + path);
    app.addHttpHandler(method, path, ctx -> {
      try {
        handler.handle(ctx);
      } catch (ConsoleProblem e) {
        throw e;
      } catch (SohoaException e) {
        // The officer reads the catalogue's words for the error; sohoa's own, the log.
        LOG.warn("console {} {}: {}: {}", ctx.method(), ctx.path(), e.code(), e.getMessage());
        throw new ConsoleProblem(e.httpStatus(), "console.failed",
            views.words().reason(e.code()), views.words().remedy(e.code()));
      } catch (Exception e) {
        LOG.error("console {} {} failed", ctx.method(), ctx.path(), e);
        throw new ConsoleProblem(500, "console.internal-error");
      }
    });
  }

  private static void asset(Context ctx) throws IOException {
    String name = ctx.pathParam("name");
    String type = STATIC.get(name);
    if (type == null) {
      throw ConsoleProblem.notFound("asset", name);
    }
    try (InputStream in = OfficerConsole.class.getResourceAsStream("static/" + name)) {
      ctx.contentType(type + "; charset=utf-8").header("Cache-Control", "max-age=300")
          .result(in.readAllBytes());
    }
  }
}
