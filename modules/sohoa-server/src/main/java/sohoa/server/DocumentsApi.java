package sohoa.server;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sohoa.catalog.ApiKey;
import sohoa.catalog.ArtifactRecord;
import sohoa.catalog.Catalog;
import sohoa.catalog.DocumentRecord;
import sohoa.catalog.DocumentVariant;
import sohoa.catalog.FieldRecord;
import sohoa.catalog.SearchHit;
import sohoa.catalog.SearchQuery;
import sohoa.catalog.StoredDocument;
import sohoa.core.document.DocumentId;
import sohoa.core.error.StorageFailure;
import sohoa.pipeline.DocumentDescription;
import sohoa.store.ObjectKey;
import sohoa.store.ObjectStore;
import sohoa.store.s3.S3Store;

/** {@code /api/v1/documents}: metadata, content and search. */
final class DocumentsApi {

  /** How long a presigned address handed out by {@code redirect=presigned} stays valid. */
  private static final Duration PRESIGNED = Duration.ofMinutes(5);

  private final Catalog catalog;
  private final ObjectStore store;
  private final Audit audit;
  private final StoredDocuments stored;

  DocumentsApi(Catalog catalog, ObjectStore store, Audit audit) {
    this.catalog = catalog;
    this.store = store;
    this.audit = audit;
    this.stored = new StoredDocuments(catalog);
  }

  /** GET /api/v1/documents/{id} */
  void get(Context ctx) throws StorageFailure {
    ApiKey key = Access.require(ctx, ApiKey.Role.READER);
    DocumentRecord d = visible(key, ctx.pathParam("id"));
    agency(d).ifPresent(a -> ctx.attribute(Audit.AGENCY, a));
    Map<String, Object> body = DocumentDescription.of(d);
    body.put("content", "/api/v1/documents/" + d.id().value() + "/content?variant=pdfa");
    audit.record(ctx, "retrieve-metadata", d.id().value(), Optional.of(d.original()));
    ctx.json(body);
  }

  /**
   * GET /api/v1/documents/{id}/content?variant=original|pdfa|signed|text|alto|hocr, with ETag
   * and Range; with {@code redirect=presigned} and an S3 store, a 302 to a presigned address
   * instead.
   */
  void content(Context ctx) throws StorageFailure, IOException {
    ApiKey key = Access.require(ctx, ApiKey.Role.READER);
    String id = ctx.pathParam("id");
    Optional<StoredDocument> found = DocumentId.isOne(id)
        ? stored.find(new DocumentId(id)) : Optional.empty();
    if (found.isEmpty() || !key.maySee(found.get().agency())) {
      throw ApiProblem.notFound("there is no document " + id);
    }
    StoredDocument d = found.get();
    d.agency().ifPresent(a -> ctx.attribute(Audit.AGENCY, a));
    String asked = Optional.ofNullable(ctx.queryParam("variant")).orElse("pdfa");
    DocumentVariant variant = DocumentVariant.named(asked).orElseThrow(() ->
        ApiProblem.badRequest("variant is original, pdfa, signed, text, alto or hocr, not '"
            + asked + "'"));
    ArtifactRecord artifact = variant.of(d).orElseThrow(() -> ApiProblem.notFound("document "
        + d.id().value() + " has no " + asked + " variant" + switch (variant) {
          case SIGNED -> " (it was not sealed; its certified copies are under /api/v1/copies)";
          case TEXT, ALTO, HOCR -> " (it was digitised without it: 'sohoa digitize --formats'"
              + " names what is made)";
          case ORIGINAL, PDFA -> "";
        }));
    String etag = "\"" + artifact.sha256().hex() + "\"";
    ctx.header("ETag", etag);
    ctx.header("Cache-Control", "private, max-age=0, must-revalidate");
    if (etag.equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return;
    }
    audit.record(ctx, "retrieve", d.id().value(), Optional.of(artifact.sha256()));
    if ("presigned".equals(ctx.queryParam("redirect")) && store instanceof S3Store s3) {
      // The client fetches the bytes from S3 itself, for five minutes, without a key.
      ctx.redirect(s3.presignedGet(new ObjectKey(artifact.objectKey()), PRESIGNED).toString(),
          HttpStatus.FOUND);
      return;
    }
    ctx.header("Content-Disposition", DocumentVariant.attachment(variant.fileName(
        d.sourceName())));
    String type = variant.mediaType(d);
    ctx.header("X-Content-Type-Options", "nosniff");
    if (variant.isText()) {
      // Recognised text is the scan's words, which anyone can print: a page opened from here
      // runs nothing it holds. (PDFs are left out: a browser will not show a sandboxed one.)
      ctx.header("Content-Security-Policy", "sandbox; default-src 'none'");
    }
    RangedResponse.write(ctx, store, new ObjectKey(artifact.objectKey()), type,
        artifact.size());
  }

  /** GET /api/v1/documents?q=&agency=&type=&number=&personalId=&from=&to=&page=&size= */
  void search(Context ctx) throws StorageFailure {
    ApiKey key = Access.require(ctx, ApiKey.Role.READER);
    Map<String, String> fields = new LinkedHashMap<>();
    for (String[] pair : new String[][] {{"agency", "agency"}, {"type", "type"},
        {"number", "number"}, {"signer", "signer"}, {"personalId", "personal_id"}}) {
      String value = ctx.queryParam(pair[0]);
      if (value != null && !value.isBlank()) {
        fields.put(pair[1], searchable(pair[0], value));
      }
    }
    int page = intParam(ctx, "page", 1);
    int size = intParam(ctx, "size", 20);
    if (size < 1 || size > 100) {
      throw ApiProblem.badRequest("size is from 1 to 100, got " + size);
    }
    if (page < 1 || (long) (page - 1) * size > SearchQuery.MAX_SKIPPED) {
      throw ApiProblem.badRequest("page is from 1 to " + (SearchQuery.MAX_SKIPPED / size + 1)
          + " for size " + size + ", got " + page + ": only the first " + SearchQuery.MAX_SKIPPED
          + " results are served; narrow the search");
    }
    SearchQuery query;
    try {
      query = new SearchQuery(searchable("q", Optional.ofNullable(ctx.queryParam("q")).orElse("")),
          fields,
          date(ctx, "from"), date(ctx, "to"), page, size).within(key.agency());
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badRequest(e.getMessage());
    }
    List<SearchHit> hits = catalog.search().hits(query);
    int total = catalog.search().count(query);
    // The words searched for are in the entry's detail, with the request's address.
    audit.record(ctx, "search", hits.size() + " of " + total + " result(s)", Optional.empty());
    Map<String, String> links = SearchLinks.of(ctx.path(), ctx.queryParamMap(), page, size,
        total, SearchQuery.MAX_SKIPPED);
    if (!links.isEmpty()) {
      ctx.header("Link", SearchLinks.header(links));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("page", page);
    body.put("size", size);
    body.put("total", total);
    body.putAll(links);
    body.put("results", hits.stream().map(h -> Map.of(
        "id", h.id().value(), "sourceName", h.sourceName(), "kind", h.kind(),
        "pages", h.pageCount(), "createdAt", h.createdAt().toString(), "fields", h.fields(),
        "href", "/api/v1/documents/" + h.id().value())).toList());
    ctx.json(body);
  }

  /** The document {@code id}, if this key may see it; 404 either way otherwise. */
  private DocumentRecord visible(ApiKey key, String id) throws StorageFailure {
    if (!DocumentId.isOne(id)) {
      throw ApiProblem.notFound("'" + id + "' is not a document id (32 hex digits)");
    }
    Optional<DocumentRecord> d = catalog.documents().find(new DocumentId(id));
    // A document outside the key's agency is answered as missing: its existence is not shown.
    if (d.isEmpty() || !key.maySee(agency(d.get()))) {
      throw ApiProblem.notFound("there is no document " + id);
    }
    return d.get();
  }

  private static Optional<String> agency(DocumentRecord d) {
    return d.fields().stream().filter(f -> f.name().equals("agency")).map(FieldRecord::value)
        .findFirst();
  }

  /** A text to search for, refused with the parameter named when no search could use it. */
  private static String searchable(String name, String value) {
    SearchQuery.problem(value).ifPresent(p -> {
      throw ApiProblem.badRequest(name + " " + p);
    });
    return value;
  }

  private static int intParam(Context ctx, String name, int fallback) {
    String value = ctx.queryParam(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw ApiProblem.badRequest(name + " is a whole number, not '" + value + "'");
    }
  }

  private static Optional<LocalDate> date(Context ctx, String name) {
    String value = ctx.queryParam(name);
    try {
      return value == null ? Optional.empty() : Optional.of(LocalDate.parse(value));
    } catch (DateTimeParseException e) {
      throw ApiProblem.badRequest(name + " is a date written yyyy-MM-dd, not '" + value + "'");
    }
  }
}
