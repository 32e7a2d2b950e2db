package sohoa.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohoa.catalog.ApiKey;
import sohoa.certify.CertificationRequest;
import sohoa.certify.CertificationService;
import sohoa.certify.CertifiedCopy;
import sohoa.certify.CopyFonts;
import sohoa.certify.CopySigning;
import sohoa.certify.Officer;
import sohoa.certify.Originals;
import sohoa.certify.Placement;
import sohoa.core.document.DocumentId;
import sohoa.pipeline.Sohoa;
import sohoa.sign.TestPki;
import sohoa.sign.pades.SignatureLevel;
import sohoa.store.ObjectKey;

/** The API and the verification page over a real catalog and store, with a real HTTP client. */
class SohoaServerTest {
  @TempDir static Path dir;
  private static TestPki pki;
  private static Sohoa sohoa;
  private static SohoaServer server;
  private static DocumentId document;
  private static CertifiedCopy copy;
  private static String reader;
  private static String otherAgency;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    pki = TestPki.start(dir.resolve("pki"));
    sohoa = Originals.deployment(dir.resolve("data"));
    document = Originals.notice(sohoa, dir.resolve("scans"));
    copy = new CertificationService(sohoa.catalog(), sohoa.store(),
        new CopySigning(pki.signer("officer"), pki.signer("agency"), SignatureLevel.B_T),
        CopyFonts.locate(), URI.create("https://chungthuc.test"), dir.resolve("data/work"),
        Clock.systemUTC()).issue(new CertificationRequest(document,
            new Officer("Lê Văn Tâm", "Phó Chủ tịch"), "Ủy ban nhân dân phường Bến Nghé",
            "ben-nghe", "01", Placement.PAGE));
    reader = sohoa.catalog().apiKeys().create(ApiKey.Role.READER, Optional.empty(),
        "cổng dịch vụ công", Instant.now()).secretText();
    otherAgency = sohoa.catalog().apiKeys().create(ApiKey.Role.READER,
        Optional.of("Sở Tài chính tỉnh Khánh Hòa"), "sở tài chính", Instant.now()).secretText();
    server = SohoaServer.start(sohoa.catalog(), sohoa.store(),
        new ServerSettings("127.0.0.1", 0, 64L << 20, List.of(pki.root())),
        dir.resolve("data/work"));
  }

  @AfterAll
  static void stop() {
    server.close();
    sohoa.close();
    pki.close();
  }

  private static HttpResponse<byte[]> get(String path, String key, String... headers)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.port() + path));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    if (headers.length > 0) {
      request.headers(headers);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  @Test
  void api_withoutAKeyOrWithAWrongOne_is401ProblemDetails() throws Exception {
    HttpResponse<byte[]> none = get("/api/v1/documents/" + document.value(), null);
    HttpResponse<byte[]> wrong = get("/api/v1/documents/" + document.value(),
        "sohoa_0123456789abcdef_" + "A".repeat(43));

    assertEquals(401, none.statusCode());
    assertTrue(none.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
    assertTrue(none.headers().firstValue("Content-Type").orElse("")
        .startsWith("application/problem+json"));
    assertTrue(text(none).contains("\"status\" : 401"), text(none));
    assertEquals(401, wrong.statusCode());
    assertTrue(text(wrong).contains("unknown or revoked"), text(wrong));
  }

  @Test
  void getDocument_givesFieldsAndArtifactsWithHashes() throws Exception {
    HttpResponse<byte[]> response = get("/api/v1/documents/" + document.value(), reader);

    assertEquals(200, response.statusCode(), text(response));
    String body = text(response);
    assertTrue(body.contains("\"id\" : \"" + document.value() + "\""), body);
    assertTrue(body.contains("\"kind\" : \"pdfa\""), body);
    assertTrue(body.contains("\"sha256\""), body);
  }

  @Test
  void getDocument_outsideTheKeysAgency_isAnsweredAsMissing() throws Exception {
    assertEquals(404, get("/api/v1/documents/" + document.value(), otherAgency).statusCode());
  }

  @Test
  void content_streamsWithETagRangeAndTheUtf8FileName() throws Exception {
    String path = "/api/v1/documents/" + document.value() + "/content?variant=pdfa";
    HttpResponse<byte[]> whole = get(path, reader);
    byte[] stored;
    try (InputStream in = sohoa.store().open(ObjectKey.artifact(document, "pdfa.pdf"))) {
      stored = in.readAllBytes();
    }

    assertEquals(200, whole.statusCode());
    assertArrayEquals(stored, whole.body());
    String etag = whole.headers().firstValue("ETag").orElseThrow();
    assertTrue(whole.headers().firstValue("Content-Disposition").orElseThrow()
        .contains("filename*=UTF-8''thong-bao.pdf"));
    assertEquals(304, get(path, reader, "If-None-Match", etag).statusCode());
    HttpResponse<byte[]> range = get(path, reader, "Range", "bytes=100-199");
    assertEquals(206, range.statusCode());
    assertArrayEquals(Arrays.copyOfRange(stored, 100, 200), range.body());
    assertEquals("bytes 100-199/" + stored.length,
        range.headers().firstValue("Content-Range").orElseThrow());
    assertEquals(416, get(path, reader, "Range", "bytes=" + stored.length + "-").statusCode());
  }

  @Test
  void ids_thatAreNotIds_neverReachTheStore() throws Exception {
    HttpResponse<byte[]> traversal = get("/api/v1/documents/..%2F..%2Fcatalog%2Fsohoa.mv.db"
        + "/content", reader);

    assertEquals(404, traversal.statusCode());
    assertTrue(traversal.headers().firstValue("Content-Type").orElse("")
        .startsWith("application/problem+json"));
  }

  @Test
  void search_findsTheDocumentByFoldedText() throws Exception {
    HttpResponse<byte[]> found = get("/api/v1/documents?q=thong%20bao&size=5", reader);

    assertEquals(200, found.statusCode(), text(found));
    assertTrue(text(found).contains(document.value()), text(found));
    assertEquals(400, get("/api/v1/documents?from=08-10-2026", reader).statusCode());
  }

  @Test
  void copies_byIdAndByRegisterNumber() throws Exception {
    HttpResponse<byte[]> byId = get("/api/v1/copies/" + copy.entry().copyId(), reader);
    HttpResponse<byte[]> byNumber = get("/api/v1/copies?office=ben-nghe&year="
        + copy.entry().book().year() + "&number=" + copy.entry().number(), reader);

    assertEquals(200, byId.statusCode(), text(byId));
    assertTrue(text(byId).contains("\"status\" : \"issued\""), text(byId));
    assertEquals(text(byId), text(byNumber));
  }

  @Test
  void verifyPage_showsTheCopyValid_andTellsAWrongDigest() throws Exception {
    String address = URI.create(copy.verificationUrl()).getRawPath() + "?"
        + URI.create(copy.verificationUrl()).getRawQuery();

    HttpResponse<byte[]> page = get(address, null);
    HttpResponse<byte[]> wrongDigest = get("/verify/" + copy.entry().copyId() + "?sha256="
        + "0".repeat(64), null);
    HttpResponse<byte[]> unknown = get("/verify/" + "f".repeat(32), null);

    assertEquals(200, page.statusCode());
    String html = text(page);
    assertTrue(html.contains("Bản sao hợp lệ"), html);
    assertTrue(html.contains("Số chứng thực</dt><dd>" + copy.entry().number()), html);
    assertTrue(html.contains("hợp lệ — Nguyễn Thị Hoa"), html);
    assertTrue(html.contains("khớp với bản chính đã chứng thực"), html);
    assertTrue(text(wrongDigest).contains("Bản sao KHÔNG hợp lệ"), text(wrongDigest));
    assertTrue(text(wrongDigest).contains("KHÔNG khớp"), text(wrongDigest));
    assertEquals(404, unknown.statusCode());
    HttpResponse<byte[]> pdf = get("/verify/" + copy.entry().copyId() + "/ban-sao.pdf", null);
    assertEquals(200, pdf.statusCode());
    assertEquals(copy.pdf().size(), pdf.body().length);
  }
}
