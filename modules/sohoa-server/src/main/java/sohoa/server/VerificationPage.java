package sohoa.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import sohoa.catalog.CertificationRegister;
import sohoa.catalog.DocumentVariant;
import sohoa.catalog.RegisterEntry;
import sohoa.certify.CertificationMark;
import sohoa.certify.CertifiedCopyReader;
import sohoa.certify.SignerNames;
import sohoa.core.document.ContentHash;
import sohoa.core.document.CopyId;
import sohoa.core.error.StorageFailure;
import sohoa.core.i18n.Messages;
import sohoa.pipeline.page.PageTemplates;
import sohoa.sign.verify.PdfSignatureVerifier;
import sohoa.sign.verify.SignatureReport;
import sohoa.sign.verify.Verdict;
import sohoa.sign.verify.VerificationReport;
import sohoa.store.ObjectKey;
import sohoa.store.ObjectStore;

/**
 * {@code /verify/<copy-id>}: the page a phone opens from a certified copy's QR code. Public, and
 * it shows only what the copy itself shows (register number, agency, officer, date, pages), with
 * both signatures checked now, whether the digest in the address matches the copy's original,
 * and a link to the copy. Mobile first, no script, prints cleanly.
 */
final class VerificationPage {
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy")
      .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

  private final CertificationRegister register;
  private final ObjectStore store;
  private final List<X509Certificate> anchors;
  private final Path work;
  private final Audit audit;
  private final Messages words;
  private final PageTemplates templates;

  VerificationPage(CertificationRegister register, ObjectStore store,
      List<X509Certificate> anchors, Path work, Audit audit, Messages words) {
    this.audit = audit;
    this.words = words;
    this.templates = new PageTemplates(VerificationPage.class, "sohoa/server/pages", words);
    this.register = register;
    this.store = store;
    this.anchors = List.copyOf(anchors);
    this.work = work;
  }

  /** GET /verify/{id}?sha256=... */
  void show(Context ctx) throws IOException, StorageFailure {
    Optional<RegisterEntry> entry = entry(ctx.pathParam("id"));
    if (entry.isEmpty()) {
      problem(ctx, 404, "verify.not-found", words.text("verify.not-found.why"));
      return;
    }
    RegisterEntry e = entry.get();
    audit.record(ctx, "verify-page", e.copyId().value(), e.sha256());
    if (e.status() != RegisterEntry.Status.ISSUED) {
      problem(ctx, 200, "verify.not-in-force", words.text("verify.not-in-force.why"));
      return;
    }
    Path file = Files.createTempFile(Files.createDirectories(work), "verify-", ".pdf");
    try {
      ContentHash copied;
      try (InputStream in = store.open(new ObjectKey(e.objectKey().orElseThrow()))) {
        copied = ContentHash.copy(in, file);
      } catch (IOException damaged) {
        problem(ctx, 200, "verify.unchecked", words.text("verify.unchecked.why"));
        return;
      }
      VerificationReport report = new PdfSignatureVerifier(anchors, true).verify(file);
      Optional<CertifiedCopyReader.CopyCheck> check = CertifiedCopyReader.read(file);
      boolean intact = copied.equals(e.sha256().orElseThrow());
      org.thymeleaf.context.Context page = templates.context();
      page.setVariable("title", words.text("verify.title"));
      page.setVariable("problem", null);
      fill(page, e, report, check, intact, ctx.queryParam("sha256"));
      ctx.contentType("text/html; charset=utf-8").result(templates.render("verify", page));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  /**
   * GET /verify/{id}/ban-sao.pdf: the certified copy itself, as the citizen holds it; 410 when
   * the stored bytes are no longer those the register recorded, never the damaged file.
   */
  void download(Context ctx) throws StorageFailure, IOException {
    RegisterEntry e = entry(ctx.pathParam("id")).filter(r -> r.status()
        == RegisterEntry.Status.ISSUED).orElseThrow(() -> ApiProblem.notFound(
            "there is no issued certified copy " + ctx.pathParam("id")));
    if (!storedIntact(e)) {
      audit.record(ctx, "retrieve-copy-refused-damaged", e.copyId().value(), e.sha256());
      problem(ctx, 410, "verify.damaged", words.text("verify.damaged.why", e.number(),
          e.book().label()));
      return;
    }
    audit.record(ctx, "retrieve-copy", e.copyId().value(), e.sha256());
    ctx.header("Content-Disposition", DocumentVariant.attachment("ban-sao-"
        + e.number() + ".pdf"));
    RangedResponse.write(ctx, store, new ObjectKey(e.objectKey().orElseThrow()),
        "application/pdf");
  }

  /** Whether the stored copy still hashes to what the register recorded when it was issued. */
  private boolean storedIntact(RegisterEntry e) throws StorageFailure {
    try (InputStream in = store.open(new ObjectKey(e.objectKey().orElseThrow()))) {
      return ContentHash.of(in).equals(e.sha256().orElseThrow());
    } catch (IOException damaged) {
      return false;
    }
  }

  /**
   * The headers of every {@code /verify} answer, as the console's: no script, no frame, no
   * sniffing, and no referrer (the address carries the original's digest).
   */
  static void secure(Context ctx) {
    ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline';"
        + " img-src 'self' data:; frame-ancestors 'none'; form-action 'none'; base-uri 'none'")
        .header("X-Frame-Options", "DENY")
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .header("Cache-Control", "no-store");
  }

  private Optional<RegisterEntry> entry(String id) throws StorageFailure {
    try {
      return register.byCopy(new CopyId(id));
    } catch (IllegalArgumentException notAnId) {
      return Optional.empty();
    }
  }

  /** One line of the page: what, its value, and whether the value is a fault. */
  record Row(String term, String value, boolean bad) {}

  private void problem(Context ctx, int status, String title, String why) {
    org.thymeleaf.context.Context page = templates.context();
    page.setVariable("title", words.text(title));
    page.setVariable("problem", why);
    ctx.status(status).contentType("text/html; charset=utf-8")
        .result(templates.render("verify", page));
  }

  private void fill(org.thymeleaf.context.Context page, RegisterEntry e,
      VerificationReport report, Optional<CertifiedCopyReader.CopyCheck> check, boolean intact,
      String urlDigest) {
    List<SignatureReport> signatures = report.signatures().stream()
        .filter(s -> !s.documentTimestamp()).toList();
    boolean digestMatches = check.isPresent() && check.get().digestMatches()
        && urlDigest != null && urlDigest.equalsIgnoreCase(
            check.get().mark().originalSha256().hex());
    SignerNames signers = SignerNames.of(e.officer(), e.agency(), report);
    boolean valid = intact && report.verdict() == Verdict.VALID && signatures.size() >= 2
        && digestMatches && signers.match();
    CertificationMark m = check.map(CertifiedCopyReader.CopyCheck::mark).orElse(null);
    List<Row> rows = new ArrayList<>();
    rows.add(row("verify.number", String.valueOf(e.number()), false));
    rows.add(row("verify.book", e.book().label(), false));
    rows.add(row("verify.agency", e.agency(), false));
    rows.add(row("verify.officer", e.officerTitle() + " " + e.officer(), false));
    rows.add(row("verify.date", DATE.format(e.finishedAt().orElse(e.reservedAt())), false));
    rows.add(row("verify.pages", e.pageCount().isPresent()
        ? String.valueOf(e.pageCount().getAsInt()) : "?", false));
    rows.add(signature("verify.officer-signature", signatures, 0));
    rows.add(signature("verify.agency-signature", signatures, 1));
    rows.add(holder("verify.officer-certificate", signers.officerCertificate(),
        signers.officerMatches(), e.officer()));
    rows.add(holder("verify.agency-certificate", signers.agencyCertificate(),
        signers.agencyMatches(), e.agency()));
    rows.add(urlDigest == null ? row("verify.digest", words.text("verify.digest.absent"), false)
        : digestMatches ? row("verify.digest", words.text("verify.digest.matches"), false)
        : row("verify.digest", words.text("verify.digest.differs"), true));
    if (!intact) {
      rows.add(row("verify.stored", words.text("verify.stored.changed"), true));
    }
    page.setVariable("valid", valid);
    page.setVariable("rows", rows);
    page.setVariable("otherCopy", m != null && !m.copyId().equals(e.copyId()));
    // A damaged copy is never offered as if it were the copy.
    page.setVariable("download", intact ? "/verify/" + e.copyId().value() + "/ban-sao.pdf"
        : null);
  }

  private Row row(String term, String value, boolean bad) {
    return new Row(words.text(term), value, bad);
  }

  /** Whose certificate signed, beside the name the lời chứng prints. */
  private Row holder(String term, Optional<String> certificate, boolean matches,
      String printed) {
    if (certificate.isEmpty()) {
      return row(term, words.text("verify.none"), true);
    }
    return matches ? row(term, words.text("verify.holder.matches", certificate.get()), false)
        : row(term, words.text("verify.holder.differs", certificate.get(), printed), true);
  }

  private Row signature(String term, List<SignatureReport> signatures, int index) {
    if (signatures.size() <= index) {
      return row(term, words.text("verify.none"), true);
    }
    SignatureReport s = signatures.get(index);
    return s.verdict() == Verdict.VALID
        ? row(term, words.text("verify.signature.valid", s.signer()), false)
        : row(term, words.text("verify.signature.invalid", s.signer(), why(s)), true);
  }

  /** Why a signature fails, in the words a citizen reads; the details are for the API. */
  private String why(SignatureReport s) {
    if (!s.intact() || !s.byteRangeWhole()
        || s.changes().stream().anyMatch(c -> c.startsWith("not allowed"))) {
      return words.text("verify.why.changed");
    }
    if (s.revocation().startsWith("revoked")) {
      return words.text("verify.why.revoked");
    }
    if (s.chain().isPresent()) {
      return words.text("verify.why.untrusted");
    }
    return words.text("verify.why.unchecked");
  }
}
