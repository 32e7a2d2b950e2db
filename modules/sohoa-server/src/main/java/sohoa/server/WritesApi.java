package sohoa.server;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import sohoa.catalog.ApiKey;
import sohoa.catalog.Catalog;
import sohoa.catalog.JobItem;
import sohoa.catalog.JobRecord;
import sohoa.certify.CertificationRequest;
import sohoa.certify.CertificationService;
import sohoa.certify.CertifiedCopy;
import sohoa.certify.CertifiedCopyReader;
import sohoa.certify.Officer;
import sohoa.certify.Placement;
import sohoa.core.document.ContentHash;
import sohoa.core.document.DocumentId;
import sohoa.core.error.SohoaException;
import sohoa.core.error.StorageFailure;
import sohoa.sign.verify.PdfSignatureVerifier;
import sohoa.sign.verify.VerificationReport;

/**
 * The API calls that do work: {@code POST /copies} (issue a certified copy), {@code POST /verify}
 * (verify an uploaded PDF), {@code POST /documents} (digitise an uploaded scan) and
 * {@code GET /jobs/{id}}.
 */
final class WritesApi {
  /** File names as the store and the work folder accept them. */
  private static final Pattern SAFE_NAME = Pattern.compile("[\\p{L}\\p{N}._ -]{1,200}");

  private final Catalog catalog;
  private final Optional<CertificationService> certification;
  private final Optional<Intake> intake;
  private final List<X509Certificate> anchors;
  private final Path work;
  private final Metrics metrics;
  private final Audit audit;
  private final String office;

  /**
   * @param office the certification office whose register this server numbers copies in: the
   *     same book as the console's and the CLI's of this deployment
   */
  WritesApi(Catalog catalog, Optional<CertificationService> certification,
      Optional<Intake> intake, List<X509Certificate> anchors, Path work, Metrics metrics,
      Audit audit, String office) {
    this.office = office;
    this.metrics = metrics;
    this.audit = audit;
    this.catalog = catalog;
    this.certification = certification;
    this.intake = intake;
    this.anchors = List.copyOf(anchors);
    this.work = work;
  }

  /** The body of {@code POST /copies}. */
  record CopyRequest(String originalId, String officer, String title, String agency,
      String office, String book, String placement) {}

  /** POST /api/v1/copies: officers issue a certified copy. */
  void issueCopy(Context ctx) throws SohoaException {
    ApiKey key = Access.require(ctx, ApiKey.Role.OFFICER);
    CertificationService service = certification.orElseThrow(() -> new ApiProblem(503,
        "Service Unavailable", "this server was started without signing identities for"
        + " certified copies"));
    CopyRequest body = ctx.bodyAsClass(CopyRequest.class);
    if (body.originalId() == null || !DocumentId.isOne(body.originalId())) {
      throw ApiProblem.badRequest("originalId is the digitised original's id (32 hex digits)");
    }
    if (body.office() != null && !body.office().equals(office)) {
      // One office, one register: a second office is a second deployment, never a field.
      throw ApiProblem.badRequest("office: this server numbers certified copies in the register"
          + " of office '" + office + "' (serve --office); leave office out or send that one");
    }
    if (!key.maySee(Optional.ofNullable(body.agency()))) {
      throw new ApiProblem(403, "Forbidden", "this key certifies for " + key.agency().get()
          + " only");
    }
    CertificationRequest request;
    try {
      request = new CertificationRequest(new DocumentId(body.originalId()),
          new Officer(body.officer(), body.title()), body.agency(),
          office,
          Optional.ofNullable(body.book()).orElse("01"),
          body.placement() == null ? Placement.PAGE
              : Placement.valueOf(body.placement().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ApiProblem.badRequest("officer, title and agency are required; placement is page"
          + " or stamp (" + e.getMessage() + ")");
    }
    CertifiedCopy copy = service.issue(request);
    metrics.signed(2);
    audit.record(ctx, "certify", copy.entry().copyId().value(), copy.entry().sha256());
    ctx.status(201).header("Location", "/api/v1/copies/" + copy.entry().copyId())
        .json(CopiesApi.json(copy.entry()));
  }

  /** POST /api/v1/verify (multipart, field "file"): the verification report of any PDF. */
  void verify(Context ctx) throws IOException, StorageFailure {
    Access.require(ctx, ApiKey.Role.READER);
    UploadedFile upload = ctx.uploadedFile("file");
    if (upload == null) {
      throw ApiProblem.badRequest("send the PDF as multipart/form-data in a field named 'file'");
    }
    Path file = Files.createTempFile(Files.createDirectories(work), "verify-", ".pdf");
    try {
      ContentHash uploaded;
      try (InputStream in = upload.content()) {
        uploaded = ContentHash.copy(in, file);
      }
      String name = Optional.ofNullable(upload.filename()).orElse("upload");
      VerificationReport report = new PdfSignatureVerifier(anchors, true).verify(file);
      audit.record(ctx, "verify", name, Optional.of(uploaded));
      Map<String, Object> body = report.toMap();
      body.put("file", name);
      if (report.problem().isEmpty()) {
        CertifiedCopyReader.read(file).ifPresent(c -> body.put("certifiedCopy",
            c.toMap(report)));
      }
      ctx.json(body);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /** POST /api/v1/documents?name=FILE: the body is the scan; 202 with the job's address. */
  void submit(Context ctx) throws IOException, StorageFailure {
    Access.require(ctx, ApiKey.Role.OFFICER);
    Intake in = intake.orElseThrow(() -> new ApiProblem(503, "Service Unavailable",
        "this server does not digitise scans (started without OCR)"));
    String name = Optional.ofNullable(ctx.queryParam("name")).orElse("upload");
    if (!SAFE_NAME.matcher(name).matches() || name.startsWith(".")) {
      throw ApiProblem.badRequest("name is the scan's file name (letters, digits, '.', '-', '_',"
          + " spaces), not '" + name + "'");
    }
    String jobId = in.submit(ctx.bodyInputStream(), name);
    audit.record(ctx, "submit", jobId, Optional.empty());
    ctx.status(202).header("Location", "/api/v1/jobs/" + jobId)
        .json(Map.of("job", jobId, "status", "/api/v1/jobs/" + jobId));
  }

  /** GET /api/v1/jobs/{id} */
  void job(Context ctx) throws SohoaException {
    Access.require(ctx, ApiKey.Role.READER);
    String id = ctx.pathParam("id");
    Optional<JobRecord> job = catalog.job(id);
    if (job.isEmpty()) {
      if (intake.map(i -> i.isQueued(id)).orElse(false)) {
        ctx.json(Map.of("job", id, "state", "queued"));
        return;
      }
      throw ApiProblem.notFound("there is no job " + id);
    }
    List<JobItem> items = catalog.jobItems(id);
    JobRecord record = job.get();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("job", id);
    body.put("state", record.complete() ? "finished" : "running");
    body.put("startedAt", record.startedAt().toString());
    body.putAll(record.tallies());
    body.put("documents", items.stream().map(i -> Map.of("input", i.sourcePath(),
        "status", i.status().name().toLowerCase(),
        "id", i.documentId().map(DocumentId::value).orElse(""),
        "error", i.errorMessage().orElse(""), "fix", i.errorRemedy().orElse(""))).toList());
    ctx.json(body);
  }
}
