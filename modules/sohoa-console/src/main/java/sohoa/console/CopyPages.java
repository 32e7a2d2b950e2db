package sohoa.console;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import sohoa.catalog.Catalog;
import sohoa.catalog.OfficerAccount;
import sohoa.catalog.RegisterEntry;
import sohoa.catalog.StoredDocument;
import sohoa.certify.CertificationRequest;
import sohoa.certify.CertificationService;
import sohoa.certify.CertifiedCopy;
import sohoa.certify.CopyManifest;
import sohoa.certify.Officer;
import sohoa.certify.Placement;
import sohoa.core.document.CopyId;
import sohoa.core.error.ConfigurationError;
import sohoa.core.error.SohoaException;
import sohoa.core.error.StorageFailure;
import sohoa.core.error.WrongSecret;
import sohoa.sign.identity.KeyLocation;
import sohoa.sign.identity.SigningIdentity;
import sohoa.store.ObjectKey;
import sohoa.store.ObjectStore;

/**
 * Certified copies from the console: issuing one from a document's page, signed with the
 * officer's own key (unlocked by the PIN typed for this copy, which is kept nowhere) and the
 * agency's seal; the copy's page with its register number; the signed PDF; and the receipt the
 * citizen takes, with the QR code that opens the copy's verification page.
 */
final class CopyPages {
  private final Catalog catalog;
  private final ObjectStore store;
  private final Optional<CertificationService> certification;
  private final ConsoleServices.Tokens tokens;
  private final String office;
  private final Documents documents;
  private final DocumentPage documentPage;
  private final Views views;
  private final ConsoleAudit audit;
  private final Clock clock;

  CopyPages(ConsoleServices services, Documents documents, DocumentPage documentPage,
      Views views, ConsoleAudit audit, Clock clock) {
    this.catalog = services.catalog();
    this.store = services.store();
    this.certification = services.certification();
    this.tokens = services.tokens();
    this.office = services.office();
    this.documents = documents;
    this.documentPage = documentPage;
    this.views = views;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * POST /console/documents/{id}/certify: {@code pin}, {@code placement}. The lời chứng names the
   * officer's account, whose name is its certificate's, and the agency that holds the seal.
   */
  void certify(Context ctx) throws SohoaException, IOException {
    OfficerAccount officer = Guard.officer(ctx, OfficerAccount.Role.OFFICER);
    StoredDocument document = documents.visible(ctx);
    CertificationService service = certification.orElseThrow(() -> new ConsoleProblem(503,
        "console.copy.not-configured"));
    if (officer.signingKey().isEmpty()) {
      documentPage.refuse(ctx, 409, views.text("console.copy.no-key"));
      return;
    }
    Instant now = clock.instant();
    if (officer.signing().lockedAt(now)) {
      documentPage.refuse(ctx, 423, notIssued(signingLocked(officer)));
      return;
    }
    char[] pin = Optional.ofNullable(ctx.formParam("pin")).orElse("").toCharArray();
    SigningIdentity identity;
    try {
      identity = KeyLocation.parse(officer.signingKey().get(), tokens.library(),
          tokens.chain()).unlock(pin);
    } catch (ConfigurationError e) {
      audit.record(ctx, "console.certify.refused", document.id().value(), Optional.empty());
      documentPage.refuse(ctx, 422, notIssued(e instanceof WrongSecret ? wrongPin(officer, now)
          : views.text("console.copy.key-unopened", e.getMessage())));
      return;
    } finally {
      Arrays.fill(pin, '\0');
    }
    if (officer.signing().failures() > 0) {
      catalog.officers().succeeded(officer.username(), OfficerAccount.Proof.PIN);
    }
    if (!officer.boundTo(identity.certificate())) {
      audit.record(ctx, "console.certify.refused", document.id().value(), Optional.empty());
      documentPage.refuse(ctx, 409, notIssued(views.text("console.copy.other-certificate",
          identity.signerName())));
      return;
    }
    Placement placement = "stamp".equals(ctx.formParam("placement")) ? Placement.STAMP
        : Placement.PAGE;
    CertifiedCopy copy = service.issue(new CertificationRequest(document.id(),
        Officer.of(officer), service.agency(), office,
        Optional.ofNullable(ctx.formParam("book")).filter(b -> b.matches("[0-9]{2}"))
            .orElse("01"), placement), identity);
    audit.record(ctx, "console.certify", copy.entry().copyId().value(),
        Optional.of(copy.entry().sha256().orElseThrow()));
    ctx.redirect("/console/copies/" + copy.entry().copyId().value() + "?issued=1",
        HttpStatus.SEE_OTHER);
  }

  /**
   * Counts a wrong PIN against the officer's signing, by the catalog's one rule
   * ({@code OfficerAccounts.SIGNING_TRIES}).
   */
  private String wrongPin(OfficerAccount officer, Instant now) throws StorageFailure {
    OfficerAccount counted = catalog.officers().wrongSigningSecret(officer.username(), now);
    return counted.signing().lockedAt(now) ? signingLocked(counted)
        : views.text("console.copy.wrong-pin") + " "
            + WrongTries.left(counted.signing(), views.words());
  }

  private String signingLocked(OfficerAccount officer) {
    return WrongTries.locked(officer.signing(), views.words());
  }

  private String notIssued(String why) {
    return why + " " + views.text("console.copy.not-issued");
  }

  /** GET /console/copies/{id}. */
  void show(Context ctx) throws StorageFailure, IOException {
    RegisterEntry entry = visible(ctx);
    Map<String, Object> model = model(entry);
    model.put("title", views.text("console.copy.title", entry.number()));
    model.put("issued", ctx.queryParam("issued") != null);
    views.render(ctx, "copy", model);
  }

  /** GET /console/copies/{id}/receipt: the printable receipt for the citizen. */
  void receipt(Context ctx) throws StorageFailure, IOException {
    RegisterEntry entry = visible(ctx);
    Map<String, Object> model = model(entry);
    model.put("title", views.text("console.receipt.title", entry.number()));
    model.put("qr", "data:image/png;base64," + Base64.getEncoder().encodeToString(
        qr(String.valueOf(model.get("url")))));
    views.render(ctx, "receipt", model);
  }

  /** GET /console/copies/{id}/ban-sao.pdf */
  void download(Context ctx) throws StorageFailure, IOException {
    RegisterEntry entry = visible(ctx);
    if (entry.objectKey().isEmpty()) {
      throw new ConsoleProblem(409, "console.copy.no-file", entry.number(),
          entry.status().label(views.words()));
    }
    InputStream in = store.open(new ObjectKey(entry.objectKey().get()));
    ctx.contentType("application/pdf").header("Content-Disposition",
        "attachment; filename=\"ban-sao-" + entry.number() + "-" + entry.book().year()
            + ".pdf\"").result(in);
  }

  private RegisterEntry visible(Context ctx) throws StorageFailure {
    String id = ctx.pathParam("id");
    if (!id.matches("[0-9a-f]{32}")) {
      throw ConsoleProblem.notFound("copy", id);
    }
    RegisterEntry entry = catalog.register().byCopy(new CopyId(id))
        .orElseThrow(() -> ConsoleProblem.notFound("copy", id));
    // Scoped by the original's own agency: a copy is of that agency's record, whoever sealed it.
    Optional<String> originalAgency = catalog.documents().agencyOf(entry.originalId());
    if (!Guard.officer(ctx).maySee(originalAgency)) {
      throw ConsoleProblem.notFound("copy", id);
    }
    originalAgency.ifPresent(a -> ctx.attribute(ConsoleAudit.AGENCY, a));
    return entry;
  }

  private Map<String, Object> model(RegisterEntry entry) throws StorageFailure, IOException {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("entry", entry);
    model.put("copyId", entry.copyId().value());
    model.put("number", entry.number());
    model.put("book", entry.book().label());
    model.put("status", entry.status().label(views.words()));
    model.put("at", DocumentPage.TIME.format(entry.finishedAt().orElse(entry.reservedAt())));
    model.put("pages", entry.pageCount().isPresent() ? entry.pageCount().getAsInt() : 0);
    String url = "";
    if (entry.status() == RegisterEntry.Status.ISSUED) {
      url = CopyManifest.read(store, ObjectKey.copy(entry.copyId(), "manifest.json"))
          .verificationUrl();
    }
    model.put("url", url);
    return model;
  }

  /** The verification address as a QR code, 8 pixels a module with a 4-module quiet zone. */
  private static byte[] qr(String url) throws IOException {
    BitMatrix matrix;
    try {
      matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
          Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
              EncodeHintType.MARGIN, 4));
    } catch (WriterException e) {
      throw new IOException("no QR code for " + url + ": " + e.getMessage(), e);
    }
    int scale = 8;
    BufferedImage image = new BufferedImage(matrix.getWidth() * scale,
        matrix.getHeight() * scale, BufferedImage.TYPE_BYTE_BINARY);
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        image.setRGB(x, y, matrix.get(x / scale, y / scale) ? 0x000000 : 0xFFFFFF);
      }
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image, "png", png);
    return png.toByteArray();
  }

}
