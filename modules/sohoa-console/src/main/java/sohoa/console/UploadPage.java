package sohoa.console;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sohoa.catalog.Catalog;
import sohoa.catalog.JobItem;
import sohoa.catalog.JobRecord;
import sohoa.core.document.DocumentId;
import sohoa.core.error.StorageFailure;

/**
 * Uploading a scan: the page takes a file dropped on it or picked, sends it with a progress bar,
 * then follows its job (pages read out of pages found) and lands on the new document's page. A
 * scan that cannot be digitised says why, and what to do.
 */
final class UploadPage {
  private final Catalog catalog;
  private final Optional<Uploads> uploads;
  private final Views views;
  private final ConsoleAudit audit;

  UploadPage(Catalog catalog, Optional<Uploads> uploads, Views views, ConsoleAudit audit) {
    this.catalog = catalog;
    this.uploads = uploads;
    this.views = views;
    this.audit = audit;
  }

  void form(Context ctx) {
    views.render(ctx, "upload", Map.of("title", views.text("console.upload.title"), "enabled",
        uploads.isPresent()));
  }

  /** POST /console/upload, multipart field {@code file}. */
  void upload(Context ctx) throws IOException, StorageFailure {
    Uploads intake = uploads.orElseThrow(() -> new ConsoleProblem(503,
        "console.upload.disabled"));
    UploadedFile file = ctx.uploadedFile("file");
    if (file == null || file.size() == 0) {
      throw ConsoleProblem.badRequest("console.upload.no-file");
    }
    if (file.size() > intake.maxBytes()) {
      throw ConsoleProblem.tooLarge(file.filename(), intake.maxBytes());
    }
    String job;
    try (InputStream in = file.content()) {
      job = intake.submit(in, safeName(file.filename()));
    } catch (Uploads.Full e) {
      ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
      throw new ConsoleProblem(503, "console.upload.full", e.waiting(),
          e.retryAfterSeconds());
    }
    audit.record(ctx, "console.upload", job, Optional.empty());
    String status = "/console/jobs/" + job;
    if ("fetch".equals(ctx.header("X-Requested-With"))) {
      ctx.status(202).json(Map.of("job", job, "page", status));
    } else {
      ctx.redirect(status, HttpStatus.SEE_OTHER);
    }
  }

  /** GET /console/jobs/{id}: the page that follows the job. */
  void job(Context ctx) throws StorageFailure {
    Map<String, Object> model = status(ctx, ctx.pathParam("id"));
    model.put("title", views.text("console.job.title"));
    views.render(ctx, "job", model);
  }

  /** GET /console/jobs/{id}/status: what the job page polls. */
  void jobStatus(Context ctx) throws StorageFailure {
    ctx.header("Cache-Control", "no-store").json(status(ctx, ctx.pathParam("id")));
  }

  private Map<String, Object> status(Context ctx, String id) throws StorageFailure {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("job", id);
    Optional<JobRecord> job = catalog.jobs().find(id);
    Optional<Uploads.Progress> progress = uploads.flatMap(u -> u.progress(id));
    if (job.isEmpty() || !job.get().complete()) {
      if (job.isEmpty() && progress.isEmpty()) {
        throw ConsoleProblem.notFound("job", id);
      }
      status.put("state", job.isEmpty() ? "queued" : "running");
      status.put("pagesDone", progress.map(Uploads.Progress::pagesDone).orElse(0));
      status.put("pages", progress.map(Uploads.Progress::pages).orElse(0));
      return status;
    }
    List<JobItem> items = catalog.jobs().items(id);
    Optional<JobItem> item = items.stream().findFirst();
    // A job that made another agency's record is answered as absent, as the record is.
    Optional<DocumentId> made = item.flatMap(JobItem::documentId);
    if (made.isPresent() && !Guard.officer(ctx).maySee(catalog.documents().agencyOf(made.get()))) {
      throw ConsoleProblem.notFound("job", id);
    }
    boolean failed = item.map(i -> i.status() == JobItem.Status.FAILED).orElse(true);
    status.put("state", failed ? "failed" : "finished");
    status.put("pagesDone", job.get().pages());
    status.put("pages", job.get().pages());
    item.flatMap(JobItem::documentId).ifPresent(d -> status.put("document",
        "/console/documents/" + d.value()));
    // The reason and remedy in the officer's words, by the error's code; sohoa's own words
    // (English, with the limit met) as the detail for the administrator.
    Optional<String> code = item.flatMap(JobItem::errorCode);
    status.put("error", code.map(views.words()::reason).orElse(""));
    status.put("fix", code.map(views.words()::remedy).orElse(""));
    status.put("detail", item.flatMap(JobItem::errorMessage).orElse(""));
    return status;
  }

  /** A name the store and work folder accept: letters, digits, '.', '-', '_' and spaces. */
  static String safeName(String name) {
    String base = name == null ? "" : name.replaceAll(".*[/\\\\]", "");
    String safe = base.replaceAll("[^\\p{L}\\p{N}._ -]", "_").replaceAll("^[.]+", "");
    if (safe.isBlank()) {
      return "ban-quet";
    }
    return safe.length() > 200 ? safe.substring(safe.length() - 200) : safe;
  }
}
