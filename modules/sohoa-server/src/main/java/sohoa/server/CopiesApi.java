package sohoa.server;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import sohoa.catalog.ApiKey;
import sohoa.catalog.Catalog;
import sohoa.catalog.RegisterEntry;
import sohoa.core.document.CopyId;
import sohoa.core.error.StorageFailure;

/**
 * {@code /api/v1/copies}: certified copies by id, or by office, year and register number. A key
 * scoped to an agency sees the copies of that agency's documents only: the copy of another's is
 * answered as absent.
 */
final class CopiesApi {
  private final Catalog catalog;
  private final Audit audit;

  CopiesApi(Catalog catalog, Audit audit) {
    this.catalog = catalog;
    this.audit = audit;
  }

  /**
   * The entry, if the key may see the copy's original (its agency then noted for the audit log);
   * else absent.
   */
  private Optional<RegisterEntry> visible(Context ctx, ApiKey key,
      Optional<RegisterEntry> entry) throws StorageFailure {
    if (entry.isEmpty()) {
      return entry;
    }
    Optional<String> agency = catalog.documents().agencyOf(entry.get().originalId());
    if (!key.maySee(agency)) {
      return Optional.empty();
    }
    agency.ifPresent(a -> ctx.attribute(Audit.AGENCY, a));
    return entry;
  }

  /** GET /api/v1/copies/{id} */
  void get(Context ctx) throws StorageFailure {
    ApiKey key = Access.require(ctx, ApiKey.Role.READER);
    String id = ctx.pathParam("id");
    CopyId copy;
    try {
      copy = new CopyId(id);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.notFound("'" + id + "' is not a certified copy id (32 hex digits)");
    }
    RegisterEntry entry = visible(ctx, key, catalog.register().byCopy(copy)).orElseThrow(() ->
        ApiProblem.notFound("there is no certified copy " + id));
    audit.record(ctx, "retrieve-copy", id, entry.sha256());
    ctx.json(json(entry));
  }

  /** GET /api/v1/copies?office=&year=&number= */
  void find(Context ctx) throws StorageFailure {
    ApiKey key = Access.require(ctx, ApiKey.Role.READER);
    String office = ctx.queryParam("office");
    String year = ctx.queryParam("year");
    String number = ctx.queryParam("number");
    if (office == null || year == null || number == null) {
      throw ApiProblem.badRequest("give office, year and number (the register number as the"
          + " copy shows it: Số chứng thực)");
    }
    try {
      RegisterEntry entry = visible(ctx, key, catalog.register().byNumber(office,
          Integer.parseInt(year), Integer.parseInt(number))).orElseThrow(() ->
              ApiProblem.notFound("the register of " + office + " for " + year
                  + " has no number " + number));
      audit.record(ctx, "retrieve-copy", entry.copyId().value(), entry.sha256());
      ctx.json(json(entry));
    } catch (NumberFormatException e) {
      throw ApiProblem.badRequest("year and number are whole numbers");
    }
  }

  static Map<String, Object> json(RegisterEntry e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", e.copyId().value());
    body.put("number", e.number());
    body.put("book", e.book().label());
    body.put("office", e.book().office());
    body.put("year", e.book().year());
    body.put("status", e.status().name().toLowerCase());
    body.put("originalId", e.originalId().value());
    body.put("officer", e.officer());
    body.put("officerTitle", e.officerTitle());
    body.put("agency", e.agency());
    e.finishedAt().ifPresent(t -> body.put("finishedAt", t.toString()));
    e.pageCount().ifPresent(p -> body.put("pages", p));
    e.sha256().ifPresent(h -> body.put("sha256", h.hex()));
    e.voidReason().ifPresent(r -> body.put("voidReason", r));
    body.put("verification", "/verify/" + e.copyId().value());
    return body;
  }
}
