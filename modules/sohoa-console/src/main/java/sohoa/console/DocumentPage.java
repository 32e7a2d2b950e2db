package sohoa.console;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.text.Normalizer;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;

import java.util.Map;
import java.util.Optional;
import sohoa.catalog.Catalog;
import sohoa.catalog.Correction;
import sohoa.catalog.DocumentRecord;
import sohoa.catalog.DocumentVariant;
import sohoa.catalog.FieldRecord;
import sohoa.catalog.OfficerAccount;
import sohoa.catalog.PageRecord;
import sohoa.catalog.StoredDocument;
import sohoa.core.error.StorageFailure;
import sohoa.extract.fields.DocumentKind;
import sohoa.extract.fields.FieldName;
import sohoa.pipeline.StoredCorrections;
import sohoa.store.ObjectStore;

/**
 * A document's page: each page's picture beside its recognised text (pages to review marked),
 * the fields with their confidence, the corrections made so far, and the forms to correct a field
 * or a page's text and to issue a certified copy. A correction is a new version
 * ({@link StoredCorrections}: the store, then the catalog and its search index), and the audit log
 * names who made it.
 */
final class DocumentPage {
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")
      .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));
  /** A field read with less confidence than this is marked for checking. */
  private static final double SURE = 0.8;
  /** The forms of a record an officer downloads, in the order the page lists them. */
  private static final List<DocumentVariant> FILES = List.of(DocumentVariant.PDFA,
      DocumentVariant.SIGNED, DocumentVariant.ORIGINAL, DocumentVariant.TEXT);
  /** As the catalog keeps them: a field's value, a page's text (a generous bound). */
  private static final int MAX_FIELD = 4000;
  private static final int MAX_PAGE_TEXT = 100_000;

  private final Catalog catalog;
  private final StoredCorrections corrections;
  private final Documents documents;
  private final Views views;
  private final ConsoleAudit audit;
  private final Clock clock;
  private final Optional<String> sealHolder;

  /**
   * @param sealHolder the agency whose seal signs certified copies, as its certificate names it;
   *     empty when this server issues none
   */
  DocumentPage(Catalog catalog, ObjectStore store, Documents documents, Views views,
      ConsoleAudit audit, Clock clock, Optional<String> sealHolder) {
    this.catalog = catalog;
    this.corrections = new StoredCorrections(store, catalog);
    this.documents = documents;
    this.views = views;
    this.audit = audit;
    this.clock = clock;
    this.sealHolder = sealHolder;
  }

  /** A page: its confidence is in percent, as the catalog keeps it (fields' are 0 to 1). */
  record PageView(int number, String text, boolean needsReview, int confidence) {}

  record FieldView(String key, String label, String value, int confidence, boolean unsure) {}

  record Choice(String key, String label) {}

  record CorrectionView(int version, String target, String before, String after,
      String officer, String at) {}

  record CopyView(int number, String book, String status, String copyId) {}

  /** A download the document page offers: what it is, in the officer's words, and where. */
  record FileLink(String variant, String label, String href) {}

  void show(Context ctx) throws StorageFailure {
    // Only the two saves the page itself redirects with; any other value says nothing.
    Optional<String> done = Optional.of(SearchPage.param(ctx, "done"))
        .filter(d -> d.equals("field") || d.equals("page"))
        .map(d -> views.text("console.saved." + d));
    show(ctx, 200, done, Optional.empty());
  }

  /** The document's page again, with why the action asked of it was not done. */
  void refuse(Context ctx, int status, String message) throws StorageFailure {
    show(ctx, status, Optional.empty(), Optional.of(message));
  }

  private void show(Context ctx, int status, Optional<String> notice, Optional<String> error)
      throws StorageFailure {
    StoredDocument stored = documents.visible(ctx);
    DocumentRecord d = catalog.documents().find(stored.id()).orElseThrow();
    OfficerAccount officer = Guard.officer(ctx);
    String[] texts = d.fullText().split("\f", -1);
    List<PageView> pages = d.pages().stream().map(p -> page(p, texts)).toList();
    List<FieldView> fields = d.fields().stream().map(this::field).toList();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("title", d.fields().stream().filter(f -> f.name().equals("number"))
        .map(FieldRecord::value).findFirst().orElse(d.sourceName()));
    model.put("id", d.id().value());
    model.put("source", d.sourceName());
    model.put("kind", DocumentKind.labelOf(d.kind()));
    model.put("pageCount", d.pageCount());
    model.put("confidence", Math.round(d.meanConfidence()));
    model.put("made", TIME.format(d.createdAt()));
    model.put("files", FILES.stream().filter(f -> f.of(stored).isPresent())
        .map(f -> new FileLink(f.label(), views.text("console.file." + f.label()),
            "/console/documents/" + d.id().value() + "/files/" + f.label())).toList());
    model.put("pages", pages);
    model.put("review", pages.stream().filter(PageView::needsReview).count());
    model.put("fields", fields);
    model.put("choices", Arrays.stream(FieldName.values())
        .map(f -> new Choice(f.key(), f.label(views.words()))).toList());
    model.put("history", catalog.corrections().history(d.id()).stream()
        .map(this::correction).toList());
    model.put("copies", catalog.register().ofOriginal(d.id()).stream()
        .map(e -> new CopyView(e.number(), e.book().label(), e.status().label(views.words()),
            e.copyId().value())).toList());
    model.put("certifies", sealHolder.isPresent()
        && officer.role().allows(OfficerAccount.Role.OFFICER));
    model.put("sealHolder", sealHolder.orElse(""));
    model.put("hasKey", officer.signingKey().isPresent());
    model.put("notice", notice.orElse(""));
    model.put("error", error.orElse(""));
    views.render(ctx, status, "document", model);
  }

  /** POST …/fields: {@code field} and {@code value}. */
  void correctField(Context ctx) throws StorageFailure {
    StoredDocument document = documents.visible(ctx);
    String field = Optional.ofNullable(ctx.formParam("field")).orElse("");
    if (FieldName.find(field).isEmpty()) {
      throw ConsoleProblem.badRequest("console.field.none");
    }
    String value = value(ctx, "value", MAX_FIELD);
    if (value.isBlank()) {
      show(ctx, 422, Optional.empty(), Optional.of(views.text("console.field.empty")));
      return;
    }
    correct(ctx, document, Optional.of(field), 0, value.strip());
    ctx.redirect("/console/documents/" + document.id() + "?done=field#fields",
        HttpStatus.SEE_OTHER);
  }

  /** POST …/pages/{n}/text: {@code text}. */
  void correctPage(Context ctx) throws StorageFailure {
    StoredDocument document = documents.visible(ctx);
    int page = SearchPage.parseInt(ctx.pathParam("n"), 0);
    if (page < 1 || page > document.pageCount()) {
      throw ConsoleProblem.notFound("page", ctx.pathParam("n"));
    }
    String text = value(ctx, "text", MAX_PAGE_TEXT).replace("\r\n", "\n").replace('\f', '\n');
    correct(ctx, document, Optional.empty(), page, text);
    ctx.redirect("/console/documents/" + document.id() + "?done=page#page-" + page,
        HttpStatus.SEE_OTHER);
  }

  private void correct(Context ctx, StoredDocument document, Optional<String> field, int page,
      String after) throws StorageFailure {
    Optional<Correction> made = corrections.correct(document.id(), field, page, after,
        Guard.officer(ctx).username(), clock.instant());
    if (made.isPresent()) {
      audit.record(ctx, "console.correct", document.id().value() + " "
          + made.get().target() + " v" + made.get().version(), Optional.empty());
    }
  }

  private static String value(Context ctx, String name, int max) {
    String value = Optional.ofNullable(ctx.formParam(name)).orElse("");
    if (value.length() > max) {
      throw ConsoleProblem.badRequest("console.too-long", max);
    }
    return value;
  }

  private static PageView page(PageRecord p, String[] texts) {
    // NFC: marks composed with their letters, as a text box draws them best.
    return new PageView(p.number(), Normalizer.normalize(p.number() <= texts.length
        ? texts[p.number() - 1] : "", Normalizer.Form.NFC), p.needsReview(),
        Math.round(p.meanConfidence()));
  }

  private FieldView field(FieldRecord f) {
    return new FieldView(f.name(), label(f.name()), FieldName.display(f.name(), f.value(),
        views.words()),
        (int) Math.round(f.confidence() * 100), f.confidence() < SURE);
  }

  /** A field's name for the officer; its key for a field sohoa does not read. */
  private String label(String key) {
    return FieldName.find(key).map(f -> f.label(views.words())).orElse(key);
  }

  private CorrectionView correction(Correction c) {
    String target = c.field().map(this::label)
        .orElse(views.text("console.history.page", c.page()));
    return new CorrectionView(c.version(), target, c.before(), c.after(), c.officer(),
        TIME.format(c.at()));
  }
}
