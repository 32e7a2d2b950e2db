package sohoa.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sohoa.catalog.Catalog;
import sohoa.store.ObjectStore;

/**
 * {@code sohoa serve}: the HTTP API and the verification page over one store and catalog
 * (embedded or shared). Errors are problem details; nothing a caller sends reaches a path in the
 * store except through ids that are checked first.
 */
public final class SohoaServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SohoaServer.class);

  private final Javalin app;

  private SohoaServer(Javalin app) {
    this.app = app;
  }

  /**
   * Starts serving.
   *
   * @param work a folder for files being verified
   */
  public static SohoaServer start(Catalog catalog, ObjectStore store, ServerSettings settings,
      Path work) {
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(store, "store");
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Javalin app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.http.maxRequestSize = settings.maxRequestBytes();
      config.jsonMapper(new JavalinJackson(json, false));
    });
    Access access = new Access(catalog.apiKeys());
    DocumentsApi documents = new DocumentsApi(catalog, store);
    CopiesApi copies = new CopiesApi(catalog.register());
    VerificationPage verification = new VerificationPage(catalog.register(), store,
        settings.trustAnchors(), work);
    app.before("/api/v1/*", access::authenticate);
    app.get("/health", ctx -> ctx.json(Map.of("status", "ok")));
    app.get("/api/v1/documents", documents::search);
    app.get("/api/v1/documents/{id}", documents::get);
    app.get("/api/v1/documents/{id}/content", documents::content);
    app.get("/api/v1/copies", copies::find);
    app.get("/api/v1/copies/{id}", copies::get);
    app.get("/verify/{id}", verification::show);
    app.get("/verify/{id}/ban-sao.pdf", verification::download);
    app.exception(ApiProblem.class, (e, ctx) -> problem(ctx, e.status(), e.title(),
        e.getMessage()));
    app.exception(Exception.class, (e, ctx) -> {
      LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
      problem(ctx, 500, "Internal Server Error", "the server failed to answer; the failure is"
          + " in its log");
    });
    app.error(404, ctx -> {
      if (ctx.result() == null || ctx.result().isEmpty()) {
        problem(ctx, 404, "Not Found", "there is nothing at " + ctx.path());
      }
    });
    app.error(413, ctx -> problem(ctx, 413, "Content Too Large", "the request body is larger"
        + " than the server accepts (" + settings.maxRequestBytes() + " bytes)"));
    app.start(settings.host(), settings.port());
    return new SohoaServer(app);
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

  @Override
  public void close() {
    app.stop();
  }
}
