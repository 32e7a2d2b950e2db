package sohoa.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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

  VerificationPage(CertificationRegister register, ObjectStore store,
      List<X509Certificate> anchors, Path work, Audit audit) {
    this.audit = audit;
    this.register = register;
    this.store = store;
    this.anchors = List.copyOf(anchors);
    this.work = work;
  }

  /** GET /verify/{id}?sha256=... */
  void show(Context ctx) throws IOException, StorageFailure {
    Optional<RegisterEntry> entry = entry(ctx.pathParam("id"));
    ctx.contentType("text/html; charset=utf-8");
    if (entry.isEmpty()) {
      ctx.status(404).result(page("Không tìm thấy bản sao", "<p class=\"bad\">Không có bản sao"
          + " điện tử chứng thực nào mang mã này. Hãy kiểm tra lại mã QR.</p>"));
      return;
    }
    RegisterEntry e = entry.get();
    audit.record(ctx, "verify-page", e.copyId().value(), e.sha256());
    if (e.status() != RegisterEntry.Status.ISSUED) {
      ctx.result(page("Bản sao không có hiệu lực", "<p class=\"bad\">Số chứng thực này không"
          + " gắn với bản sao nào đã cấp: bản sao không có hiệu lực.</p>"));
      return;
    }
    Path file = Files.createTempFile(Files.createDirectories(work), "verify-", ".pdf");
    try {
      ContentHash copied;
      try (InputStream in = store.open(new ObjectKey(e.objectKey().orElseThrow()))) {
        copied = ContentHash.copy(in, file);
      } catch (IOException damaged) {
        ctx.result(page("Không kiểm tra được bản sao", "<p class=\"bad\">Bản sao lưu trữ bị"
            + " hỏng, không thể kiểm tra. Vui lòng liên hệ cơ quan chứng thực.</p>"));
        return;
      }
      VerificationReport report = new PdfSignatureVerifier(anchors, true).verify(file);
      Optional<CertifiedCopyReader.CopyCheck> check = CertifiedCopyReader.read(file);
      boolean intact = copied.equals(e.sha256().orElseThrow());
      ctx.result(page("Kiểm tra bản sao điện tử", body(e, report, check, intact,
          ctx.queryParam("sha256"))));
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
      ctx.status(410).contentType("text/html; charset=utf-8").result(page(
          "Bản sao lưu trữ bị hỏng", "<p class=\"bad\">Tệp bản sao đang lưu trữ không còn khớp"
              + " với mã băm ghi trong sổ chứng thực, nên không được cung cấp. Vui lòng liên hệ"
              + " cơ quan chứng thực (số chứng thực " + e.number() + ", quyển số "
              + escape(e.book().label()) + ") để được kiểm tra và cấp lại.</p>"));
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

  private static String body(RegisterEntry e, VerificationReport report,
      Optional<CertifiedCopyReader.CopyCheck> check, boolean intact, String urlDigest) {
    List<SignatureReport> signatures = report.signatures().stream()
        .filter(s -> !s.documentTimestamp()).toList();
    boolean digestMatches = check.isPresent() && check.get().digestMatches()
        && urlDigest != null && urlDigest.equalsIgnoreCase(
            check.get().mark().originalSha256().hex());
    SignerNames signers = SignerNames.of(e.officer(), e.agency(), report);
    boolean valid = intact && report.verdict() == Verdict.VALID && signatures.size() >= 2
        && digestMatches && signers.match();
    CertificationMark m = check.map(CertifiedCopyReader.CopyCheck::mark).orElse(null);
    StringBuilder html = new StringBuilder();
    html.append(valid ? "<p class=\"verdict ok\">Bản sao hợp lệ</p>"
        : "<p class=\"verdict bad\">Bản sao KHÔNG hợp lệ</p>");
    html.append("<dl>");
    row(html, "Số chứng thực", String.valueOf(e.number()));
    row(html, "Quyển số", e.book().label());
    row(html, "Cơ quan chứng thực", e.agency());
    row(html, "Người chứng thực", e.officerTitle() + " " + e.officer());
    row(html, "Ngày chứng thực", DATE.format(e.finishedAt().orElse(e.reservedAt())));
    row(html, "Số trang", e.pageCount().isPresent() ? String.valueOf(e.pageCount().getAsInt())
        : "?");
    row(html, "Chữ ký số người chứng thực", signature(signatures, 0));
    row(html, "Chữ ký số cơ quan", signature(signatures, 1));
    row(html, "Chứng thư số của người ký", holder(signers.officerCertificate(),
        signers.officerMatches(), e.officer()));
    row(html, "Chứng thư số của cơ quan", holder(signers.agencyCertificate(),
        signers.agencyMatches(), e.agency()));
    row(html, "Mã băm trong mã QR", urlDigest == null ? "không có trong địa chỉ"
        : digestMatches ? "khớp với bản chính đã chứng thực"
        : "KHÔNG khớp với bản chính đã chứng thực");
    if (!intact) {
      row(html, "Bản lưu trữ", "KHÔNG còn nguyên vẹn so với sổ chứng thực");
    }
    html.append("</dl>");
    if (m != null && !m.copyId().equals(e.copyId())) {
      html.append("<p class=\"bad\">Tệp lưu trữ mang mã bản sao khác.</p>");
    }
    if (intact) {
      // A damaged copy is never offered as if it were the copy.
      html.append("<p><a class=\"download\" href=\"/verify/").append(e.copyId().value())
          .append("/ban-sao.pdf\">Tải bản sao (PDF)</a></p>");
    }
    return html.toString();
  }

  /** Whose certificate signed, beside the name the lời chứng prints. */
  private static String holder(Optional<String> certificate, boolean matches, String printed) {
    return certificate.map(c -> c + (matches ? " — khớp với lời chứng"
        : " — KHÔNG khớp với lời chứng (lời chứng ghi: " + printed + ")")).orElse("KHÔNG có");
  }

  private static String signature(List<SignatureReport> signatures, int index) {
    if (signatures.size() <= index) {
      return "KHÔNG có";
    }
    SignatureReport s = signatures.get(index);
    return s.verdict() == Verdict.VALID ? "hợp lệ — " + s.signer()
        : "KHÔNG hợp lệ — " + s.signer() + " (" + why(s) + ")";
  }

  /** Why a signature fails, in the words a citizen reads; the details are for the API. */
  private static String why(SignatureReport s) {
    if (!s.intact() || !s.byteRangeWhole()
        || s.changes().stream().anyMatch(c -> c.startsWith("not allowed"))) {
      return "tài liệu đã bị thay đổi sau khi ký";
    }
    if (s.revocation().startsWith("revoked")) {
      return "chứng thư số đã bị thu hồi";
    }
    if (s.chain().isPresent()) {
      return "chứng thư số không do tổ chức tin cậy cấp, hoặc đã hết hạn khi ký";
    }
    return "không kiểm tra được chữ ký";
  }

  private static void row(StringBuilder html, String term, String value) {
    boolean bad = value.contains("KHÔNG");
    html.append("<div><dt>").append(escape(term)).append("</dt><dd")
        .append(bad ? " class=\"bad\"" : "").append('>')
        .append(escape(value)).append("</dd></div>");
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;").replace("'", "&#39;");
  }

  private static String page(String title, String body) {
    return """
        <!doctype html>
        <html lang="vi"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s</title>
        <style>
        body{font:16px/1.5 system-ui,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:0;
          color:#1a1a1a;background:#f6f6f4}
        main{max-width:36rem;margin:0 auto;padding:1rem}
        h1{font-size:1.25rem;margin:.5rem 0 1rem}
        .verdict{font-size:1.35rem;font-weight:700;padding:.75rem 1rem;border-radius:.5rem}
        .ok{color:#0b5d1e;background:#e3f4e8}
        .bad{color:#8a1010;background:#fbe7e7}
        dl{background:#fff;border-radius:.5rem;padding:.25rem 1rem;margin:1rem 0}
        dl div{padding:.5rem 0;border-bottom:1px solid #eee}
        dl div:last-child{border-bottom:0}
        dt{font-size:.85rem;color:#555}
        dd{margin:0;font-weight:600;overflow-wrap:anywhere}
        dd.bad{background:none}
        .download{display:block;text-align:center;padding:.75rem;border-radius:.5rem;
          background:#12457a;color:#fff;text-decoration:none;font-weight:600}
        footer{font-size:.8rem;color:#666;margin-top:1.5rem}
        @media print{body{background:#fff}.download{display:none}dl{padding:0}}
        </style></head>
        <body><main><h1>%s</h1>%s
        <footer>Trang kiểm tra bản sao điện tử được chứng thực từ bản chính. Kết quả kiểm tra
        chữ ký số được tính tại thời điểm mở trang.</footer></main></body></html>
        """.formatted(escape(title), escape(title), body);
  }
}
