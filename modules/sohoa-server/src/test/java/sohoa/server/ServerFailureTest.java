package sohoa.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sohoa.catalog.ApiKey;
import sohoa.catalog.CatalogAddress;
import sohoa.catalog.CertificateBinding;
import sohoa.catalog.OfficerAccount;
import sohoa.certify.CertificationService;
import sohoa.certify.CopyFonts;
import sohoa.certify.CopySigning;
import sohoa.certify.Originals;
import sohoa.console.ConsoleServices;
import sohoa.core.document.DocumentId;
import sohoa.core.event.EventSink;
import sohoa.pipeline.Digitiser;
import sohoa.sign.TestPki;
import sohoa.sign.pades.SignatureLevel;
import sohoa.testkit.fixtures.Fixtures;
import sohoa.testkit.fixtures.ScanDefects;
import sohoa.testkit.fixtures.ScanFiles;

/**
 * A server whose catalog fails answers 503 with Retry-After and says which part failed, never
 * how: on every route of the API, no SQL, no JDBC URL, no path, no class name reaches the caller.
 */
class ServerFailureTest {
  private static final String COPY = "0123456789abcdef0123456789abcdef";
  private static final String CATALOG = "the catalog or the document store did not answer";

  @TempDir static Path dir;
  private static Digitiser digitiser;
  private static SohoaServer server;
  private static DocumentId document;
  private static String officer;

  @BeforeAll
  static void breakTheCatalogUnderARunningServer() throws Exception {
    digitiser = Originals.deployment(dir.resolve("data"));
    document = Originals.notice(digitiser, dir.resolve("scans"));
    officer = digitiser.catalog().apiKeys().create(ApiKey.Role.OFFICER, Optional.empty(),
        "máy quét", Instant.now()).secretText();
    server = SohoaServer.start(new Backend(digitiser.catalog(), digitiser.store(), Optional.empty(),
        Optional.of(digitiser), dir.resolve("data/work")), new ServerSettings("127.0.0.1", 0,
        8 << 20, List.of(), "ben-nghe", ConsoleServices.Tokens.none()));
    // The database answers, but not as the catalog expects: its errors quote the SQL. The keys
    // stay, so that each request gets past its key to the part that fails.
    try (Connection db = DriverManager.getConnection(
        CatalogAddress.embedded(dir.resolve("data/catalog")).jdbcUrl(), "sa",
        CatalogAddress.embeddedPassword(dir.resolve("data/catalog")));
        Statement statement = db.createStatement()) {
      for (String table : List.of("documents", "jobs", "register_entries", "audit_log")) {
        statement.execute("ALTER TABLE " + table + " RENAME TO gone_" + table);
      }
    }
  }

  @AfterAll
  static void stop() {
    server.close();
    digitiser.close();
  }

  /**
   * Each route, and what it answers with the catalog failing: 503 with Retry-After and the part
   * that failed, or its own answer (a server that does not certify says so, for good).
   */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "GET, /api/v1/documents?q=thong, 503, " + CATALOG,
      "POST, /api/v1/documents?name=thong-bao.png, 503, " + CATALOG,
      "GET, /api/v1/documents/{document}, 503, " + CATALOG,
      "GET, /api/v1/documents/{document}/content?variant=pdfa, 503, " + CATALOG,
      "GET, /api/v1/jobs/upload-1, 503, " + CATALOG,
      "GET, /api/v1/copies?office=ben-nghe&year=2026&number=1, 503, " + CATALOG,
      "POST, /api/v1/copies, 503, started without signing identities",
      "GET, /api/v1/copies/{copy}, 503, " + CATALOG,
      "GET, /api/v1/stats, 503, " + CATALOG,
      "POST, /api/v1/verify, 503, " + CATALOG,
      "GET, /api/openapi.json, 200, openapi",
      "GET, /health, 200, ok",
      "GET, /metrics, 200, http_requests",
      "GET, /verify/{copy}, 503, " + CATALOG,
      "GET, /verify/{copy}/ban-sao.pdf, 503, " + CATALOG})
  void api_catalogFailing_answersWithNothingOfItsInternals(String method, String route,
      int expected, String says) throws Exception {
    assertEquals(Set.copyOf(server.routes()), Set.of("GET /api/v1/documents",
        "POST /api/v1/documents", "GET /api/v1/documents/{id}",
        "GET /api/v1/documents/{id}/content", "GET /api/v1/jobs/{id}", "GET /api/v1/copies",
        "POST /api/v1/copies", "GET /api/v1/copies/{id}", "GET /api/v1/stats",
        "POST /api/v1/verify",
        "GET /api/openapi.json", "GET /health", "GET /metrics", "GET /verify/{id}",
        "GET /verify/{id}/ban-sao.pdf"), "every route is in this table");
    String path = route.replace("{document}", document.value()).replace("{copy}", COPY);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
        + server.port() + path)).header("Authorization", "Bearer " + officer);
    if (method.equals("POST")) {
      request.POST(HttpRequest.BodyPublishers.ofByteArray(bodyFor(path, request)));
    }

    HttpResponse<String> answer = HttpClient.newHttpClient().send(request.build(),
        HttpResponse.BodyHandlers.ofString());

    assertEquals(expected, answer.statusCode(), path + ": " + answer.body());
    String body = answer.body().toLowerCase(Locale.ROOT);
    assertTrue(body.contains(says), path + " says '" + says + "': " + body);
    if (says.equals(CATALOG)) {
      assertEquals(Optional.of("30"), answer.headers().firstValue("Retry-After"), path);
    }
    if (expected >= 400) {
      // What answers 200 here is the operator's own (/metrics names the JVM's memory pools).
      assertNothingInternal(path, body, dir);
    }
  }

  private static void assertNothingInternal(String path, String body, Path folder) {
    for (String internal : List.of("jdbc", "sql", "h2", "exception", "sohoa.", "java.",
        folder.toString().toLowerCase(Locale.ROOT), "select", "pool", "gone_")) {
      assertFalse(body.contains(internal), path + " tells '" + internal + "': " + body);
    }
  }

  @Test
  void postCopies_timestampAuthorityDown_answers502WithNothingOfItsInternals() throws Exception {
    Path here = dir.resolve("signing");
    TestPki pki = TestPki.start(here.resolve("pki"));
    try (Digitiser deployment = Originals.deployment(here.resolve("data"))) {
      DocumentId original = Originals.notice(deployment, here.resolve("scans"));
      CertificationService certification = new CertificationService(deployment.catalog(),
          deployment.store(), new CopySigning(pki.signer("officer"), pki.signer("agency"),
          SignatureLevel.B_T), CopyFonts.locate(), URI.create("https://chungthuc.test"),
          here.resolve("data/work"), Clock.systemUTC(), EventSink.NONE);
      deployment.catalog().officers().create(OfficerAccount.of("hoa", "Nguyễn Thị Hoa",
          "Phó Chủ tịch", Optional.empty(), OfficerAccount.Role.OFFICER, Optional.empty(),
          Instant.now()).boundTo(CertificateBinding.of(pki.identity("officer").certificate())),
          "not-a-bcrypt-hash");
      String key = deployment.catalog().apiKeys().create(ApiKey.Role.OFFICER, Optional.empty(),
          Optional.of("hoa"), "bộ phận một cửa", Instant.now()).secretText();
      pki.close();
      try (SohoaServer signing = SohoaServer.start(new Backend(deployment.catalog(),
          deployment.store(), Optional.of(certification), Optional.empty(),
          here.resolve("data/work")), new ServerSettings("127.0.0.1", 0, 1 << 20,
          List.of(pki.root()), "ben-nghe", ConsoleServices.Tokens.none()))) {

        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + signing.port() + "/api/v1/copies"))
            .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"originalId\": \"" + original.value()
                + "\"}")).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(502, answer.statusCode(), answer.body());
        assertEquals(Optional.of("30"), answer.headers().firstValue("Retry-After"));
        String body = answer.body().toLowerCase(Locale.ROOT);
        assertTrue(body.contains("the signing key or the timestamp authority did not answer"),
            body);
        assertNothingInternal("/api/v1/copies", body, here);
        for (String internal : List.of("127.0.0.1", "http://", "tsa")) {
          assertFalse(body.contains(internal), "tells '" + internal + "': " + body);
        }
      }
    }
  }

  /** A body each POST route accepts, with its content type set on {@code request}. */
  private static byte[] bodyFor(String path, HttpRequest.Builder request) throws Exception {
    if (path.startsWith("/api/v1/documents")) {
      Path scan = dir.resolve("thong-bao.png");
      ScanFiles.png(Fixtures.render(Fixtures.NOTICE, 150, ScanDefects.NONE).pages().get(0), 150,
          scan);
      request.header("Content-Type", "image/png");
      return Files.readAllBytes(scan);
    }
    if (path.startsWith("/api/v1/copies")) {
      request.header("Content-Type", "application/json");
      return ("{\"originalId\": \"" + document.value() + "\"}").getBytes(StandardCharsets.UTF_8);
    }
    String boundary = "sohoa-kiem-tra";
    request.header("Content-Type", "multipart/form-data; boundary=" + boundary);
    return ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\";"
        + " filename=\"ban-sao.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n%%EOF\n"
        + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
  }
}
