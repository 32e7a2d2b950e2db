package sohoa.server;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
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
import sohoa.catalog.OfficerAccount;
import sohoa.catalog.StoredDocument;
import sohoa.certify.CertificationRequest;
import sohoa.certify.CertificationService;
import sohoa.certify.CertifiedCopy;
import sohoa.certify.CertifiedCopyReader;
import sohoa.certify.Officer;
import sohoa.certify.Placement;
import sohoa.console.Uploads;
import sohoa.core.document.ContentHash;
import sohoa.core.document.DocumentId;
import sohoa.core.error.SohoaException;
import sohoa.core.error.StorageFailure;
import sohoa.sign.identity.CertificateNames;
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

  /**
   * The body of {@code POST /copies}. Who certifies is the key's officer account and the agency
   * is the seal's holder: neither is the caller's to write.
   */
  record CopyRequest(String originalId, String office, String book, String placement) {}

  /** POST /api/v1/copies: officers issue a certified copy. */
  void issueCopy(Context ctx) throws SohoaException {
    ApiKey key = Access.require(ctx, ApiKey.Role.OFFICER);
    CertificationService service = certification.orElseThrow(() -> new ApiProblem(503,
        "Service Unavailable", "this server was started without signing identities for"
        + " certified copies"));
    if (key.officer().isEmpty()) {
      throw new ApiProblem(403, "Forbidden", "this key acts for no officer account, so no"
          + " certified copy can name who certified it; make one with 'sohoa keys create"
          + " --role officer --officer USERNAME'");
    }
    CopyRequest body = bodyOf(ctx, CopyRequest.class);
    if (body.originalId() == null || !DocumentId.isOne(body.originalId())) {
      throw ApiProblem.badRequest("originalId is the digitised original's id (32 hex digits)");
    }
    if (body.office() != null && !body.office().equals(office)) {
      // One office, one register: a second office is a second deployment, never a field.
      throw ApiProblem.badRequest("office: this server numbers certified copies in the register"
          + " of office '" + office + "' (serve --office); leave office out or send that one");
    }
    OfficerAccount account = catalog.officers().find(key.officer().get())
        .filter(a -> a.disabledAt().isEmpty()).orElseThrow(() -> new ApiProblem(403,
            "Forbidden", "the officer account this key acts for is disabled or gone"));
    if (!account.boundTo(service.officerCertificate())) {
      throw new ApiProblem(403, "Forbidden", "this server signs certified copies with the key"
          + " of " + CertificateNames.commonName(service.officerCertificate()) + ", and this"
          + " key's officer account " + account.username() + " is not bound to that"
          + " certificate");
    }
    DocumentId original = new DocumentId(body.originalId());
    StoredDocument document = catalog.documents().stored(original).orElseThrow(() -> ApiProblem.notFound(
        "there is no document " + original));
    // Scoped by the document's own agency, never by one the caller names.
    if (!key.maySee(document.agency()) || !account.maySee(document.agency())) {
      throw ApiProblem.notFound("there is no document " + original);
    }
    CertificationRequest request;
    try {
      request = new CertificationRequest(original, Officer.of(account), service.agency(),
          office, Optional.ofNullable(body.book()).orElse("01"),
          body.placement() == null ? Placement.PAGE
              : Placement.valueOf(body.placement().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest("book is two digits; placement is page or stamp ("
          + e.getMessage() + ")");
    }
    CertifiedCopy copy = service.issue(request);
    metrics.signed(2);
    audit.record(ctx, "certify", copy.entry().copyId().value(), copy.entry().sha256());
    ctx.status(201).header("Location", "/api/v1/copies/" + copy.entry().copyId())
        .json(CopiesApi.json(copy.entry()));
  }

  /** The JSON body as {@code type}; a body that is not one is the caller's mistake (400). */
  private static <T> T bodyOf(Context ctx, Class<T> type) {
    try {
      return ctx.bodyAsClass(type);
    } catch (Exception e) {
      // Jackson's parse errors are checked, and reach here undeclared through Kotlin.
      throw ApiProblem.badRequest("the body must be a JSON object with originalId and,"
          + " optionally, office, book and placement; who certifies comes from the key's"
          + " officer account and the agency from the seal's certificate");
    }
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
    String jobId;
    try {
      jobId = in.submit(ctx.bodyInputStream(), name);
    } catch (Uploads.Full e) {
      throw ApiProblem.busy("the server has " + e.waiting() + " scans waiting to be digitised;"
          + " send this one again later", e.retryAfterSeconds());
    }
    audit.record(ctx, "submit", jobId, Optional.empty());
    ctx.status(202).header("Location", "/api/v1/jobs/" + jobId)
        .json(Map.of("job", jobId, "status", "/api/v1/jobs/" + jobId));
  }

  /** GET /api/v1/jobs/{id} */
  void job(Context ctx) throws SohoaException {
    ApiKey key = Access.require(ctx, ApiKey.Role.READER);
    String id = ctx.pathParam("id");
    Optional<JobRecord> job = catalog.jobs().find(id);
    if (job.isEmpty()) {
      if (intake.map(i -> i.isQueued(id)).orElse(false)) {
        ctx.json(Map.of("job", id, "state", "queued"));
        return;
      }
      throw ApiProblem.notFound("there is no job " + id);
    }
    List<Map<String, String>> documents = new ArrayList<>();
    for (JobItem item : catalog.jobs().items(id)) {
      Optional<String> agency = item.documentId().isEmpty() ? Optional.empty()
          : catalog.documents().agencyOf(item.documentId().get());
      // A scoped key sees its agency's documents, and inputs that became none (refused).
      if (item.documentId().isPresent() && !key.maySee(agency)) {
        continue;
      }
      documents.add(item(item));
    }
    if (documents.isEmpty() && key.agency().isPresent()) {
      throw ApiProblem.notFound("there is no job " + id);
    }
    JobRecord record = job.get();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("job", id);
    body.put("state", record.state().name().toLowerCase(Locale.ROOT));
    body.put("startedAt", record.startedAt().toString());
    if (key.agency().isEmpty()) {
      body.putAll(record.tallies());
    }
    body.put("documents", documents);
    audit.record(ctx, "retrieve-job", id, Optional.empty());
    ctx.json(body);
  }

  /**
   * One input of a job as callers see it: its file's name, never where the server keeps it (the
   * error text names the file the same way).
   */
  private static Map<String, String> item(JobItem item) {
    String name = Optional.ofNullable(Path.of(item.sourcePath()).getFileName())
        .map(Path::toString).orElse("");
    return Map.of("input", name, "status", item.status().name().toLowerCase(Locale.ROOT),
        "id", item.documentId().map(DocumentId::value).orElse(""),
        "error", item.errorMessage().map(m -> m.replace(item.sourcePath(), name)).orElse(""),
        "fix", item.errorRemedy().map(m -> m.replace(item.sourcePath(), name)).orElse(""));
  }
}
