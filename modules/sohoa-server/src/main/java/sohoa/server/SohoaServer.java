package sohoa.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sohoa.console.ConsoleServices;
import sohoa.console.OfficerConsole;
import sohoa.console.Uploads;
import sohoa.core.error.SohoaException;
import sohoa.pipeline.Announcer;

/**
 * {@code sohoa serve}: the HTTP API, the verification page and the officer console over one store
 * and catalog
 * (embedded or shared). Errors are problem details; nothing a caller sends reaches a path in the
 * store except through ids that are checked first.
 */
public final class SohoaServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SohoaServer.class);
  /** What a caller is told of a failure behind the server, by its code: which part, not why. */
  private static final Map<String, String> BEHIND = Map.of(
      "storage-failure", "the catalog or the document store did not answer",
      "signing-failed", "the signing key or the timestamp authority did not answer",
      "broker-failure", "the work queue did not answer",
      "ocr-unavailable", "the OCR engine is not available");
  private static final String STARTED = "sohoa.started";

  /** One route: what {@code /api/openapi.json} must describe, and what serves it. */
  private record Route(HandlerType method, String path, Handler handler) {}

  private final Javalin app;
  private final List<Route> routes;
  private final ExecutorService jobs;
  private final Audit audit;
  private final OfficerConsole console;
  private final Metrics metrics;

  private SohoaServer(Javalin app, List<Route> routes, ExecutorService jobs, Audit audit,
      OfficerConsole console, Metrics metrics) {
    this.metrics = metrics;
    this.app = app;
    this.routes = routes;
    this.console = console;
    this.jobs = jobs;
    this.audit = audit;
  }

  /** Starts serving {@code backend}. */
  public static SohoaServer start(Backend backend, ServerSettings settings) {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Javalin app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.http.maxRequestSize = settings.maxRequestBytes();
      config.jsonMapper(new JavalinJackson(json, false));
    });
    Metrics metrics = new Metrics(backend.catalog(), backend.store());
    ExecutorService jobs = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "sohoa-upload-jobs");
      thread.setDaemon(true);
      return thread;
    });
    Access access = new Access(backend.catalog().apiKeys());
    Audit audit = new Audit(backend.catalog().auditTrail(Clock.systemUTC()));
    DocumentsApi documents = new DocumentsApi(backend.catalog(), backend.store(), audit);
    CopiesApi copies = new CopiesApi(backend.catalog(), audit);
    Optional<Intake> intake = backend.intake().map(s -> new Intake(s, jobs,
        settings.maxRequestBytes(), settings.maxQueuedUploads(), metrics,
        new Announcer(s, backend.events())));
    intake.ifPresent(i -> metrics.uploadsWaiting(i::waiting));
    WritesApi writes = new WritesApi(backend.catalog(), backend.certification(), intake,
        settings.trustAnchors(), backend.work(), metrics, audit, settings.office());
    VerificationPage verification = new VerificationPage(backend.catalog().register(),
        backend.store(), settings.trustAnchors(), backend.work(), audit, settings.pages());
    List<Route> routes = List.of(
        new Route(HandlerType.GET, "/api/v1/documents", documents::search),
        new Route(HandlerType.POST, "/api/v1/documents", writes::submit),
        new Route(HandlerType.GET, "/api/v1/documents/{id}", documents::get),
        new Route(HandlerType.GET, "/api/v1/documents/{id}/content", documents::content),
        new Route(HandlerType.GET, "/api/v1/jobs/{id}", writes::job),
        new Route(HandlerType.GET, "/api/v1/copies", copies::find),
        new Route(HandlerType.POST, "/api/v1/copies", writes::issueCopy),
        new Route(HandlerType.GET, "/api/v1/copies/{id}", copies::get),
        new Route(HandlerType.GET, "/api/v1/stats", new StatsApi(backend.catalog(),
            Clock.systemUTC())::get),
        new Route(HandlerType.POST, "/api/v1/verify", writes::verify),
        new Route(HandlerType.GET, "/api/openapi.json", SohoaServer::openApi),
        new Route(HandlerType.GET, "/health", ctx -> ctx.json(Map.of("status", "ok"))),
        new Route(HandlerType.GET, "/metrics", metrics::serve),
        new Route(HandlerType.GET, "/verify/{id}", verification::show),
        new Route(HandlerType.GET, "/verify/{id}/ban-sao.pdf", verification::download));
    app.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
    app.before("/api/v1/*", access::authenticate);
    app.before("/verify/*", VerificationPage::secure);
    for (Route route : routes) {
      app.addHttpHandler(route.method(), route.path(), route.handler());
    }
    OfficerConsole console = new OfficerConsole(new ConsoleServices(backend.catalog(),
        backend.store(), backend.certification(), intake.map(Uploads.class::cast),
        settings.tokens(), backend.work(), settings.office()), settings.pages(),
        Clock.systemUTC());
    console.mount(app);
    app.after(ctx -> {
      Long started = ctx.attribute(STARTED);
      if (started != null) {
        metrics.record(ctx, (System.nanoTime() - started) / 1e9);
      }
    });
    app.exception(ApiProblem.class, (e, ctx) -> {
      e.retryAfter().ifPresent(seconds -> ctx.header("Retry-After", String.valueOf(seconds)));
      problem(ctx, e.status(), e.title(), e.getMessage());
    });
    app.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, e.getStatus(),
        "Bad Request", e.getMessage()));
    app.exception(SohoaException.class, (e, ctx) -> {
      int status = e.httpStatus();
      if (status < 500) {
        problem(ctx, status, e.code(), e.getMessage() + "; " + e.remedy());
        return;
      }
      // What failed behind the server (the database's words, a URL, a path) is the operator's
      // to read in the log, never the caller's: it tells an attacker what runs where.
      LOG.warn("request {} {} failed: {}: {}", ctx.method(), ctx.path(), e.code(),
          e.getMessage());
      LOG.debug("request {} {} failed", ctx.method(), ctx.path(), e);
      ctx.header("Retry-After", "30");
      problem(ctx, status, e.code(), BEHIND.getOrDefault(e.code(), "the server could not answer"
          + " now") + "; try again in a minute (the failure is in the server's log)");
    });
    app.exception(Exception.class, (e, ctx) -> {
      LOG.error("request {} {} failed: {}", ctx.method(), ctx.path(), e.toString());
      LOG.debug("request {} {} failed", ctx.method(), ctx.path(), e);
      problem(ctx, 500, "Internal Server Error", "the server failed to answer; the failure is"
          + " in its log");
    });
    app.error(404, ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty()) {
        problem(ctx, 404, "Not Found", "there is nothing at " + ctx.path());
      }
    });
    app.error(413, ctx -> {
      if (OfficerConsole.serves(ctx)) {
        console.tooLarge(ctx, settings.maxRequestBytes());
      } else if (ctx.result() == null || ctx.result().isEmpty()) {
        problem(ctx, 413, "Content Too Large", "the request body is larger than the server"
            + " accepts (" + settings.maxRequestBytes() + " bytes)");
      }
    });
    app.start(settings.host(), settings.port());
    return new SohoaServer(app, routes, jobs, audit, console, metrics);
  }

  /** What the caller did wrong (4xx) or what failed behind the server (5xx). */

  private static void openApi(Context ctx) throws IOException {
    try (InputStream in = SohoaServer.class.getResourceAsStream("openapi.json")) {
      ctx.contentType("application/json").result(in.readAllBytes());
    }
  }

  /** RFC 9457 problem details. */
  private static void problem(Context ctx, int status, String title, String detail) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    body.put("instance", ctx.path());
    ctx.status(status).json(body).contentType("application/problem+json");
  }

  /** The port it listens on (the one asked for, or the one chosen for port 0). */
  public int port() {
    return app.port();
  }

  /** Every route it serves, as {@code METHOD /path/{param}}. */
  public List<String> routes() {
    List<String> all = new ArrayList<>();
    for (Route route : routes) {
      all.add(route.method().name() + " " + route.path());
    }
    return all;
  }

  /** Every route of the officer console, as {@code METHOD /path/{param}}. */
  public List<String> consoleRoutes() {
    return console.routes();
  }

  @Override
  public void close() {
    app.stop();
    jobs.shutdownNow();
    audit.close();
    metrics.close();
  }
}
