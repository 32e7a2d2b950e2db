package sohoa.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import sohoa.catalog.ApiKey;
import sohoa.catalog.AuditEntry;
import sohoa.catalog.CertificateBinding;
import sohoa.catalog.CertificationRegister;
import sohoa.catalog.JobItem;
import sohoa.catalog.OfficerAccount;
import sohoa.catalog.RegisterBook;
import sohoa.catalog.RegisterEntry;
import sohoa.certify.CertificationRequest;
import sohoa.certify.CertificationService;
import sohoa.certify.CertifiedCopy;
import sohoa.certify.CopyFonts;
import sohoa.certify.CopySigning;
import sohoa.certify.Officer;
import sohoa.certify.Originals;
import sohoa.certify.Placement;
import sohoa.console.ConsoleServices;
import sohoa.core.document.CopyId;
import sohoa.core.document.DocumentId;
import sohoa.core.event.EventSink;
import sohoa.core.i18n.Messages;
import sohoa.pipeline.Digitiser;
import sohoa.sign.TestPki;
import sohoa.sign.pades.SignatureLevel;
import sohoa.store.ObjectKey;
import sohoa.testkit.browser.Chromium;
import sohoa.testkit.text.OfficerLanguage;
import sohoa.testkit.fixtures.FlateBombs;
import sohoa.testkit.fixtures.BadFiles;
import sohoa.testkit.fixtures.HostileFiles;
import sohoa.testkit.fixtures.ScanFiles;
import sohoa.testkit.metrics.PrometheusText;

/** The API and the verification page over a real catalog and store, with a real HTTP client. */
class SohoaServerTest {
  @TempDir static Path dir;
  private static TestPki pki;
  private static Digitiser digitiser;
  private static SohoaServer server;
  private static DocumentId document;
  private static CertifiedCopy copy;
  private static CertificationService certification;
  private static String reader;
  private static String officer;
  private static String otherAgency;
  private static String unboundOfficer;
  private static String otherOfficer;
  private static String scopedOfficer;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  /** The request size limit the server is started with. */
  private static final long LIMIT = 8L << 20;

  @BeforeAll
  static void start() throws Exception {
    pki = TestPki.start(dir.resolve("pki"));
    digitiser = Originals.deployment(dir.resolve("data"));
    document = Originals.notice(digitiser, dir.resolve("scans"));
    certification = new CertificationService(digitiser.catalog(),
        digitiser.store(), new CopySigning(pki.signer("officer"), pki.signer("agency"),
        SignatureLevel.B_T), CopyFonts.locate(), URI.create("https://chungthuc.test"),
        dir.resolve("data/work"), Clock.systemUTC(), EventSink.NONE);
    copy = certification.issue(new CertificationRequest(document,
            new Officer("Nguyễn Thị Hoa", "Phó Chủ tịch"), "Văn phòng Ủy ban nhân dân tỉnh Thanh Hóa",
            "ben-nghe", "01", Placement.PAGE));
    reader = digitiser.catalog().apiKeys().create(ApiKey.Role.READER, Optional.empty(),
        "cổng dịch vụ công", Instant.now()).secretText();
    // The officer whose key the server signs copies with, and an account bound to another key.
    addOfficer("hoa", "Nguyễn Thị Hoa", pki.identity("officer").certificate());
    addOfficer("tam", "Lê Văn Tâm", pki.identity("expired-officer").certificate());
    officer = digitiser.catalog().apiKeys().create(ApiKey.Role.OFFICER, Optional.empty(),
        Optional.of("hoa"), "bộ phận một cửa", Instant.now()).secretText();
    unboundOfficer = digitiser.catalog().apiKeys().create(ApiKey.Role.OFFICER, Optional.empty(),
        "máy quét", Instant.now()).secretText();
    otherOfficer = digitiser.catalog().apiKeys().create(ApiKey.Role.OFFICER, Optional.empty(),
        Optional.of("tam"), "quầy 2", Instant.now()).secretText();
    scopedOfficer = digitiser.catalog().apiKeys().create(ApiKey.Role.OFFICER,
        Optional.of("Sở Tài chính tỉnh Khánh Hòa"), Optional.of("hoa"), "sở tài chính",
        Instant.now()).secretText();
    otherAgency = digitiser.catalog().apiKeys().create(ApiKey.Role.READER,
        Optional.of("Sở Tài chính tỉnh Khánh Hòa"), "sở tài chính", Instant.now()).secretText();
    server = SohoaServer.start(new Backend(digitiser.catalog(), digitiser.store(),
        Optional.of(certification), Optional.of(digitiser), dir.resolve("data/work")),
        new ServerSettings("127.0.0.1", 0, LIMIT, List.of(pki.root()), "ben-nghe",
            ConsoleServices.Tokens.none()));
  }

  private static void addOfficer(String username, String name, X509Certificate certificate)
      throws Exception {
    digitiser.catalog().officers().create(OfficerAccount.of(username, name, "Phó Chủ tịch",
        Optional.empty(), OfficerAccount.Role.OFFICER, Optional.empty(), Instant.now())
        .boundTo(CertificateBinding.of(certificate)), "not-a-bcrypt-hash");
  }

  @AfterAll
  static void stop() {
    server.close();
    digitiser.close();
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
    try (InputStream in = digitiser.store().open(ObjectKey.artifact(document, "pdfa.pdf"))) {
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
  void content_textAndAlto_areTheRecognisedWords_andHocrNotMadeSaysHowToMakeIt()
      throws Exception {
    String path = "/api/v1/documents/" + document.value() + "/content?variant=";

    HttpResponse<byte[]> text = get(path + "text", reader);
    HttpResponse<byte[]> alto = get(path + "alto", reader);
    HttpResponse<byte[]> hocr = get(path + "hocr", reader);
    HttpResponse<byte[]> other = get(path + "docx", reader);

    assertEquals(200, text.statusCode(), text(text));
    assertEquals("text/plain;charset=utf-8", text.headers().firstValue("Content-Type")
        .orElseThrow().toLowerCase(Locale.ROOT).replace(" ", ""));
    assertTrue(text(text).contains("Quảng Phú"), text(text));
    assertTrue(text.headers().firstValue("Content-Disposition").orElseThrow()
        .contains("filename*=UTF-8''thong-bao.txt"));
    assertEquals(Optional.of("sandbox; default-src 'none'"),
        text.headers().firstValue("Content-Security-Policy"));
    assertEquals(200, alto.statusCode(), text(alto));
    assertTrue(alto.headers().firstValue("Content-Type").orElseThrow()
        .startsWith("application/xml"));
    assertTrue(text(alto).contains("<alto") && text(alto).contains("CONTENT=\"Phú"),
        text(alto).substring(0, Math.min(400, text(alto).length())));
    assertEquals(404, hocr.statusCode(), text(hocr));
    assertTrue(text(hocr).contains("digitised without it: 'sohoa digitize --formats'"),
        text(hocr));
    assertEquals(400, other.statusCode(), text(other));
    assertTrue(text(other).contains("variant is original, pdfa, signed, text, alto or hocr"),
        text(other));
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
  void search_saysTheTotal_andItsNextLinksWalkEveryResultOnce() throws Exception {
    List<String> seen = new ArrayList<>();
    String next = "/api/v1/documents?q=th%C3%B4ng%20b%C3%A1o&size=1";
    int total = -1;
    for (int page = 1; next != null; page++) {
      HttpResponse<byte[]> found = get(next, reader);
      assertEquals(200, found.statusCode(), text(found));
      JsonNode body = new ObjectMapper().readTree(found.body());
      total = body.get("total").asInt();
      body.get("results").forEach(r -> seen.add(r.get("id").asText()));
      assertEquals(page, body.get("page").asInt());
      next = body.has("next") ? body.get("next").asText() : null;
      String header = found.headers().firstValue("Link").orElse("");
      assertEquals(next != null, header.contains("rel=\"next\""), header);
      if (next != null) {
        assertTrue(header.contains("<" + next + ">; rel=\"next\""), header);
        assertTrue(next.contains("q=th%C3%B4ng%20b%C3%A1o") && next.contains("size=1")
            && next.endsWith("page=" + (page + 1)), next);
      }
      assertTrue(page <= total + 1, "the links end: " + seen);
    }

    assertTrue(total >= 1, "the notice is found");
    assertEquals(total, seen.size(), "total = every result, page by page: " + seen);
    assertEquals(total, Set.copyOf(seen).size(), "none twice: " + seen);
    assertTrue(seen.contains(document.value()), seen.toString());
  }

  @Test
  void stats_countThisMonthsRecords_andAKeyOfAnotherAgencyNone() throws Exception {
    HttpResponse<byte[]> all = get("/api/v1/stats", reader);
    HttpResponse<byte[]> scoped = get("/api/v1/stats", otherAgency);
    HttpResponse<byte[]> wrong = get("/api/v1/stats?year=hai-nghin", reader);

    assertEquals(200, all.statusCode(), text(all));
    JsonNode months = new ObjectMapper().readTree(all.body()).get("months");
    String thisMonth = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
        .toString();
    int digitised = 0;
    for (JsonNode m : months) {
      if (m.get("month").asText().equals(thisMonth)) {
        digitised += m.get("digitised").asInt();
      }
    }
    assertTrue(digitised >= 1, "the notice digitised for these tests: " + text(all));
    assertEquals(0, new ObjectMapper().readTree(scoped.body()).get("months").size(),
        text(scoped));
    assertEquals(400, wrong.statusCode());
    assertTrue(text(wrong).contains("year is a year such as"), text(wrong));
  }

  @Test
  void search_byAKeyOfAnotherAgency_countsNothingOfThisOne() throws Exception {
    HttpResponse<byte[]> found = get("/api/v1/documents?q=thong%20bao",
        otherAgency);

    assertEquals(200, found.statusCode(), text(found));
    JsonNode body = new ObjectMapper().readTree(found.body());
    assertEquals(0, body.get("total").asInt(), text(found));
    assertEquals(0, body.get("results").size(), text(found));
    assertFalse(body.has("next"), text(found));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "q=%00, q holds the control character U+0000",
      "agency=UBND%0Ax%C3%A3, agency holds the control character U+000A",
      "page=2147483647, page is from 1 to 5001 for size 20",
      "page=0, page is from 1 to 5001 for size 20",
      "size=0, size is from 1 to 100",
      "page=x, page is a whole number"})
  void search_inputNoSearchCanUse_is400NamingTheParameter(String query, String named)
      throws Exception {
    HttpResponse<byte[]> refused = get("/api/v1/documents?" + query, reader);

    assertEquals(400, refused.statusCode(), text(refused));
    assertTrue(text(refused).contains(named), text(refused));
    assertTrue(refused.headers().firstValue("Content-Type").orElse("")
        .startsWith("application/problem+json"));
  }

  @Test
  void search_textLongerThanAnyoneTypes_is400() throws Exception {
    HttpResponse<byte[]> refused = get("/api/v1/documents?q=" + "a".repeat(600), reader);

    assertEquals(400, refused.statusCode(), text(refused));
    assertTrue(text(refused).contains("q is 600 characters long; at most 500"), text(refused));
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
    for (HttpResponse<byte[]> answer : List.of(page, wrongDigest, unknown)) {
      String reads = text(answer).replaceAll("(?s)<style.*?</style>|<[^>]+>", " ");
      assertEquals(List.of(), OfficerLanguage.englishIn(reads), reads);
      assertFalse(text(answer).contains("??"), "a key the catalogue lacks: " + text(answer));
    }
    HttpResponse<byte[]> pdf = get("/verify/" + copy.entry().copyId() + "/ban-sao.pdf", null);
    assertEquals(200, pdf.statusCode());
    assertEquals(copy.pdf().size(), pdf.body().length);
  }

  private static HttpResponse<byte[]> post(String path, String key, String contentType,
      byte[] body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
        + path)).header("Authorization", "Bearer " + key).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void postCopies_aReaderIsForbidden_anOfficerIssuesTheNextNumber() throws Exception {
    byte[] body = ("{\"originalId\": \"" + document.value() + "\", \"office\": \"ben-nghe\"}")
        .getBytes(StandardCharsets.UTF_8);

    HttpResponse<byte[]> forbidden = post("/api/v1/copies", reader, "application/json", body);
    HttpResponse<byte[]> issued = post("/api/v1/copies", officer, "application/json", body);

    assertEquals(403, forbidden.statusCode(), text(forbidden));
    assertEquals(201, issued.statusCode(), text(issued));
    assertTrue(issued.headers().firstValue("Location").orElseThrow()
        .startsWith("/api/v1/copies/"));
    assertTrue(text(issued).contains("\"status\" : \"issued\""), text(issued));
    assertEquals(400, post("/api/v1/copies", officer, "application/json",
        "{\"originalId\": \"nope\"}".getBytes(StandardCharsets.UTF_8)).statusCode());
    assertEquals(400, post("/api/v1/copies", officer, "application/json",
        "{not json".getBytes(StandardCharsets.UTF_8)).statusCode(), "a client's mistake, not 500");
  }

  @Test
  void postCopies_namesTheKeysOfficerAndTheSealsAgency_neverWhatTheCallerWrites()
      throws Exception {
    byte[] named = ("{\"originalId\": \"" + document.value() + "\", \"officer\": \"Lê Văn Tâm\","
        + " \"agency\": \"Ủy ban nhân dân phường Bến Nghé\"}").getBytes(StandardCharsets.UTF_8);
    byte[] body = ("{\"originalId\": \"" + document.value() + "\"}")
        .getBytes(StandardCharsets.UTF_8);

    HttpResponse<byte[]> freeText = post("/api/v1/copies", officer, "application/json", named);
    HttpResponse<byte[]> unbound = post("/api/v1/copies", unboundOfficer, "application/json",
        body);
    HttpResponse<byte[]> otherKey = post("/api/v1/copies", otherOfficer, "application/json",
        body);
    HttpResponse<byte[]> otherAgencysDocument = post("/api/v1/copies", scopedOfficer,
        "application/json", body);
    HttpResponse<byte[]> issued = post("/api/v1/copies", officer, "application/json", body);

    assertEquals(400, freeText.statusCode(), text(freeText));
    assertEquals(403, unbound.statusCode(), text(unbound));
    assertTrue(text(unbound).contains("acts for no officer account"), text(unbound));
    assertEquals(403, otherKey.statusCode(), text(otherKey));
    assertTrue(text(otherKey).contains("not bound to that certificate"), text(otherKey));
    assertEquals(404, otherAgencysDocument.statusCode(), text(otherAgencysDocument));
    assertEquals(201, issued.statusCode(), text(issued));
    assertTrue(text(issued).contains("\"officer\" : \"Nguyễn Thị Hoa\""), text(issued));
    assertTrue(text(issued).contains("\"agency\" : \"Văn phòng Ủy ban nhân dân tỉnh Thanh Hóa\""),
        text(issued));
  }

  @Test
  void postCopies_numbersInTheServersOfficeBook_andRefusesAnotherOffice() throws Exception {
    String request = "{\"originalId\": \"" + document.value() + "\"%s}";
    CertifiedCopy before = certification.issue(new CertificationRequest(document,
        new Officer("Nguyễn Thị Hoa", "Phó Chủ tịch"), "Văn phòng Ủy ban nhân dân tỉnh Thanh Hóa",
        "ben-nghe", "01", Placement.PAGE));

    HttpResponse<byte[]> issued = post("/api/v1/copies", officer, "application/json",
        request.formatted("").getBytes(StandardCharsets.UTF_8));
    HttpResponse<byte[]> elsewhere = post("/api/v1/copies", officer, "application/json",
        request.formatted(", \"office\": \"local\"").getBytes(StandardCharsets.UTF_8));

    assertEquals(201, issued.statusCode(), text(issued));
    assertTrue(text(issued).contains("\"number\" : " + (before.entry().number() + 1)),
        "the API's copy is the next number of the same book: " + text(issued));
    assertEquals(400, elsewhere.statusCode(), text(elsewhere));
    assertTrue(text(elsewhere).contains("office 'ben-nghe'"), text(elsewhere));
  }

  @Test
  void verifyDownload_ofACopyDamagedInTheStore_is410AndThePageNoLongerOffersIt()
      throws Exception {
    CertifiedCopy damaged = certification.issue(new CertificationRequest(document,
        new Officer("Nguyễn Thị Hoa", "Phó Chủ tịch"), "Văn phòng Ủy ban nhân dân tỉnh Thanh Hóa",
        "ben-nghe", "01", Placement.PAGE));
    Path stored;
    try (var files = Files.walk(dir.resolve("data"))) {
      stored = files.filter(f -> f.endsWith(Path.of(damaged.pdf().key().value())))
          .findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(stored);
    bytes[bytes.length / 2] ^= 0x01;
    stored.toFile().setWritable(true);
    Files.write(stored, bytes);

    HttpResponse<byte[]> download = get("/verify/" + damaged.entry().copyId() + "/ban-sao.pdf",
        null);
    HttpResponse<byte[]> page = get("/verify/" + damaged.entry().copyId(), null);

    assertEquals(410, download.statusCode());
    assertTrue(text(download).contains("không còn khớp với mã băm"), text(download));
    assertTrue(text(page).contains("Bản sao KHÔNG hợp lệ"), text(page));
    assertFalse(text(page).contains("ban-sao.pdf"), "no link to the damaged file");
  }

  @Test
  void pages_speakEnglish_whenTheServerIsSetToIt() throws Exception {
    try (SohoaServer english = SohoaServer.start(new Backend(digitiser.catalog(), digitiser.store(),
        Optional.empty(), Optional.empty(), dir.resolve("data/work")),
        new ServerSettings("127.0.0.1", 0, LIMIT, List.of(pki.root()), "ben-nghe",
            ConsoleServices.Tokens.none(), ServerSettings.DEFAULT_QUEUED_UPLOADS,
            Messages.of(Locale.ENGLISH)))) {
      String base = "http://127.0.0.1:" + english.port();
      String verify = text(HTTP.send(HttpRequest.newBuilder(URI.create(base
          + URI.create(copy.verificationUrl()).getRawPath() + "?"
          + URI.create(copy.verificationUrl()).getRawQuery())).build(),
          HttpResponse.BodyHandlers.ofByteArray()));
      String login = text(HTTP.send(HttpRequest.newBuilder(URI.create(base
          + "/console/login")).build(), HttpResponse.BodyHandlers.ofByteArray()));

      assertTrue(verify.contains("<html lang=\"en\">"), verify);
      assertTrue(verify.contains("The copy is valid"), verify);
      assertTrue(verify.contains("Certification number</dt><dd>" + copy.entry().number()),
          verify);
      assertFalse(verify.contains("hợp lệ") || verify.contains("Số chứng thực"), verify);
      assertTrue(login.contains("<html lang=\"en\">") && login.contains("Log in"), login);
      assertFalse(login.contains("Đăng nhập"), login);
      assertFalse(verify.contains("??") || login.contains("??"), "every key is in the catalogue");
    }
  }

  @Test
  void verifyPages_carryTheConsolesSecurityHeaders() throws Exception {
    for (String path : List.of("/verify/" + copy.entry().copyId(),
        "/verify/" + copy.entry().copyId() + "/ban-sao.pdf", "/verify/" + "f".repeat(32))) {
      HttpResponse<byte[]> answer = get(path, null);

      String csp = answer.headers().firstValue("Content-Security-Policy").orElse("");
      assertTrue(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"),
          path + ": " + csp);
      assertEquals(Optional.of("nosniff"), answer.headers().firstValue("X-Content-Type-Options"));
      assertEquals(Optional.of("no-referrer"), answer.headers().firstValue("Referrer-Policy"));
    }
  }

  @Test
  void postVerify_reportsBothSignaturesAndTheCertifiedCopy() throws Exception {
    byte[] pdf;
    try (InputStream in = digitiser.store().open(copy.pdf().key())) {
      pdf = in.readAllBytes();
    }
    String boundary = "sohoa-test-boundary";
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\";"
        + " filename=\"ban-sao.pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(pdf);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

    HttpResponse<byte[]> report = post("/api/v1/verify", reader,
        "multipart/form-data; boundary=" + boundary, body.toByteArray());

    assertEquals(200, report.statusCode(), text(report));
    String json = text(report);
    assertTrue(json.contains("\"verdict\" : \"VALID\""), json);
    assertTrue(json.contains("\"digestMatches\" : true"), json);
    assertTrue(json.contains("\"agencySignature\" : \"VALID\""), json);
  }

  @Test
  void postDocuments_digitisesTheUploadAsAJob_andRefusesWhatIsTooLarge() throws Exception {
    byte[] scan = Files.readAllBytes(ScanFiles.blankScannedPdf(
        dir.resolve("trang-trang.pdf")));

    HttpResponse<byte[]> accepted = post("/api/v1/documents?name=trang-trang.pdf", officer,
        "application/pdf", scan);
    HttpResponse<byte[]> tooLarge = post("/api/v1/documents?name=lon.pdf", officer,
        "application/pdf", new byte[(int) LIMIT + 1]);

    String state = finishedJob(accepted);
    assertTrue(state.contains("\"state\" : \"finished\""), state);
    assertTrue(state.contains("\"status\" : \"done\"") || state.contains("reused"), state);
    assertEquals(413, tooLarge.statusCode(), text(tooLarge));
    assertEquals(403, post("/api/v1/documents?name=a.pdf", reader, "application/pdf", scan)
        .statusCode());
  }

  @Test
  void postDocuments_hostileUpload_isAFailedJobWithItsReason_andTheServerGoesOn()
      throws Exception {
    Map<byte[], String> uploads = new LinkedHashMap<>();
    uploads.put(Files.readAllBytes(FlateBombs.streamBomb(dir.resolve("bom.pdf"), 512)),
        "a stream in the PDF inflates to more than 64 MB");
    uploads.put(Files.readAllBytes(FlateBombs.xrefStreamBomb(dir.resolve("bom-xref.pdf"),
        4096)), "a stream in the PDF inflates to more than 64 MB");
    uploads.put(Arrays.copyOf(Files.readAllBytes(ScanFiles.blankScannedPdf(
        dir.resolve("cat.pdf"))), 300), "the PDF file is cut short");
    uploads.put(Files.readAllBytes(HostileFiles.cyclicPageTree(dir.resolve("vong.pdf"))),
        "cannot be read");
    uploads.put(Files.readAllBytes(HostileFiles.deeplyNested(dir.resolve("sau.pdf"), 100_000)),
        "damaged");
    uploads.put(Files.readAllBytes(HostileFiles.manyPages(dir.resolve("dai.pdf"), 20_000)),
        "the PDF has 20000 pages; the limit is 5000");
    uploads.put(Files.readAllBytes(HostileFiles.absurdTiff(dir.resolve("vo-ly.tif"))),
        "megapixels");
    uploads.put(Files.readAllBytes(BadFiles.encryptedPdf(dir.resolve("khoa.pdf"))),
        "protected by a password");

    for (Map.Entry<byte[], String> upload : uploads.entrySet()) {
      String state = finishedJob(post("/api/v1/documents?name=tu-ngoai.pdf", officer,
          "application/pdf", upload.getKey()));
      assertTrue(state.contains("\"status\" : \"failed\""), state);
      assertTrue(state.contains(upload.getValue()), upload.getValue() + " in " + state);
    }
    assertEquals(200, get("/health", null).statusCode(), "the server goes on");
  }

  /** The job an upload was accepted into, as its address reports it once it has finished. */
  private String finishedJob(HttpResponse<byte[]> accepted) throws Exception {
    assertEquals(202, accepted.statusCode(), text(accepted));
    String job = accepted.headers().firstValue("Location").orElseThrow();
    String state = "";
    for (int i = 0; i < 120 && !state.contains("finished"); i++) {
      Thread.sleep(250);
      state = text(get(job, reader));
    }
    return state;
  }

  @Test
  void openApi_describesExactlyTheRoutesServed() throws Exception {
    JsonNode paths = new ObjectMapper().readTree(get("/api/openapi.json", null).body())
        .get("paths");
    Set<String> described = new TreeSet<>();
    paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
        method -> described.add(method.toUpperCase() + " " + path.getKey())));

    assertEquals(new TreeSet<>(server.routes()), described);
  }

  @Test
  void metrics_arePrometheusText_withRequestsJobsQueueCatalogStoreOcrAndTheJvm()
      throws Exception {
    get("/health", null);

    String metrics = text(get("/metrics", null));
    Map<String, String> families = PrometheusText.families(metrics);

    assertTrue(metrics.contains("sohoa_http_requests_total{method=\"GET\",route=\"/health\","
        + "status=\"200\"}"), metrics);
    assertTrue(metrics.contains("sohoa_http_request_seconds_bucket"), metrics);
    Map<String, String> expected = Map.ofEntries(Map.entry("sohoa_http_requests", "counter"),
        Map.entry("sohoa_http_request_seconds", "histogram"),
        Map.entry("sohoa_jobs", "gauge"), Map.entry("sohoa_uploads_waiting", "gauge"),
        Map.entry("sohoa_catalog_probe_seconds", "gauge"),
        Map.entry("sohoa_store_probe_seconds", "gauge"),
        Map.entry("sohoa_pages_ocr", "counter"), Map.entry("sohoa_ocr_seconds", "counter"),
        Map.entry("sohoa_signatures", "counter"), Map.entry("jvm_memory_used_bytes", "gauge"),
        Map.entry("jvm_threads_live_threads", "gauge"), Map.entry("process_cpu_usage", "gauge"),
        Map.entry("process_uptime_seconds", "gauge"));
    expected.forEach((name, type) -> assertEquals(type, families.get(name), name + " in "
        + families));
    for (String state : List.of("running", "interrupted", "finished")) {
      assertTrue(metrics.contains("sohoa_jobs{state=\"" + state + "\"}"), state);
    }
    assertFalse(metrics.contains("sohoa_catalog_probe_seconds NaN"), "the catalog answered");
  }

  /**
   * Headless Chromium at a phone's viewport opens the page of a valid copy and of one whose
   * stored bytes were altered; the screenshots are kept in target/browser.
   */
  @Test
  void verifyPage_inARealBrowserOnAPhone_showsValidAndTamperedCopies() throws Exception {
    CertifiedCopy tampered = new CertificationService(digitiser.catalog(), digitiser.store(),
        new CopySigning(pki.signer("officer"), pki.signer("agency"), SignatureLevel.B_T),
        CopyFonts.locate(), URI.create("https://chungthuc.test"), dir.resolve("data/work"),
        Clock.systemUTC(), EventSink.NONE).issue(new CertificationRequest(document,
            new Officer("Nguyễn Thị Hoa", "Phó Chủ tịch"), "Văn phòng Ủy ban nhân dân tỉnh Thanh Hóa",
            "ben-nghe", "01", Placement.PAGE));
    Path stored = dir.resolve("data/store").resolve(tampered.pdf().key().value());
    byte[] bytes = Files.readAllBytes(stored);
    bytes[bytes.length / 3] ^= 0x01;
    Files.write(stored, bytes);
    Path artifacts = Files.createDirectories(Path.of("target", "browser"));

    WebDriver browser = Chromium.phone();
    try {
      for (CertifiedCopy shown : List.of(copy, tampered)) {
        URI url = URI.create(shown.verificationUrl());
        browser.get("http://127.0.0.1:" + server.port() + url.getRawPath() + "?"
            + url.getRawQuery());
        String verdict = browser.findElement(By.className("verdict")).getText();
        boolean valid = shown == copy;
        assertEquals(valid ? "Bản sao hợp lệ" : "Bản sao KHÔNG hợp lệ", verdict);
        assertTrue(browser.findElement(By.tagName("dl")).getText()
            .contains("Số chứng thực\n" + shown.entry().number()));
        Chromium.screenshot(browser,
            artifacts.resolve(valid ? "verify-valid.png" : "verify-tampered.png"));
      }
      assertEquals(390L, ((JavascriptExecutor) browser).executeScript(
          "return window.innerWidth"), "a phone-sized viewport");
    } finally {
      browser.quit();
    }
  }

  /**
   * A copy as an older sohoa could issue it through the API: the lời chứng names an officer whose
   * key did not sign it. Its signatures are sound; the copy is not.
   */
  @Test
  void verifyPage_copyNamingSomeoneElseThanItsSigner_isNotValid_inARealBrowser()
      throws Exception {
    CertificationRegister register = digitiser.catalog().register();
    RegisterEntry reserved = register.reserve(new RegisterBook("ben-nghe", "01",
        copy.entry().book().year()), CopyId.random(new SecureRandom()), document, "Lê Văn Tâm",
        "Phó Chủ tịch", "Văn phòng Ủy ban nhân dân tỉnh Thanh Hóa", "test:1:1", Instant.now());
    RegisterEntry misnamed = register.issue(reserved, copy.entry().pageCount().orElseThrow(),
        copy.pdf().key().value(), copy.pdf().sha256(), Instant.now());

    WebDriver browser = Chromium.phone();
    try {
      browser.get("http://127.0.0.1:" + server.port() + "/verify/" + misnamed.copyId());

      assertEquals("Bản sao KHÔNG hợp lệ", browser.findElement(By.className("verdict"))
          .getText());
      String shown = browser.findElement(By.tagName("dl")).getText();
      assertTrue(shown.contains("Nguyễn Thị Hoa — KHÔNG khớp với lời chứng (lời chứng ghi: Lê"
          + " Văn Tâm)"), shown);
      assertTrue(shown.contains("Văn phòng Ủy ban nhân dân tỉnh Thanh Hóa — khớp với lời chứng"),
          shown);
      Chromium.screenshot(browser, Files.createDirectories(Path.of("target", "browser"))
          .resolve("verify-misnamed.png"));
    } finally {
      browser.quit();
    }
  }

  /**
   * What each route answers a key of another agency, for this test's document, its copy and a
   * job that digitised it, at each role; and what it answers an unscoped reader. Every route the
   * server serves must be here: a new route without its scope decided fails this test.
   */
  @ParameterizedTest(name = "{0} as {1}")
  @CsvSource({
      "GET /api/v1/documents, reader, 200, 200", "GET /api/v1/documents, officer, 200, 200",
      "POST /api/v1/documents, reader, 403, 403",
      "GET /api/v1/documents/{id}, reader, 404, 200",
      "GET /api/v1/documents/{id}, officer, 404, 200",
      "GET /api/v1/documents/{id}/content, reader, 404, 200",
      "GET /api/v1/documents/{id}/content, officer, 404, 200",
      "GET /api/v1/jobs/{id}, reader, 404, 200", "GET /api/v1/jobs/{id}, officer, 404, 200",
      "GET /api/v1/copies, reader, 404, 200", "GET /api/v1/copies, officer, 404, 200",
      "POST /api/v1/copies, reader, 403, 403", "POST /api/v1/copies, officer, 404, 404",
      "GET /api/v1/copies/{id}, reader, 404, 200", "GET /api/v1/copies/{id}, officer, 404, 200",
      "GET /api/v1/stats, reader, 200, 200",
      "POST /api/v1/verify, reader, 400, 400",
      "GET /api/openapi.json, reader, 200, 200", "GET /health, reader, 200, 200",
      "GET /metrics, reader, 200, 200",
      // The QR page is public by design: it shows only what the copy itself shows.
      "GET /verify/{id}, reader, 200, 200", "GET /verify/{id}/ban-sao.pdf, reader, 200, 200"})
  void everyRoute_checksTheDocumentsOwnAgency(String route, String role, int scoped,
      int unscoped) throws Exception {
    assertTrue(ROUTES.containsAll(server.routes()) && server.routes().containsAll(ROUTES),
        "every route is in this table, and only those: " + server.routes());
    String path = route.substring(route.indexOf(' ') + 1);
    String method = route.substring(0, route.indexOf(' '));
    String key = scopedKey(role);

    HttpResponse<byte[]> asOther = call(method, path, key);

    assertEquals(scoped, asOther.statusCode(), route + ": " + text(asOther));
    if (asOther.statusCode() < 300 && !path.startsWith("/verify")) {
      assertFalse(text(asOther).contains(document.value()),
          "nothing of the document reaches another agency's key: " + text(asOther));
    }
    if (role.equals("reader")) {
      assertEquals(unscoped, call(method, path, reader).statusCode(), route);
    }
  }

  private static final List<String> ROUTES = List.of("GET /api/v1/documents",
      "POST /api/v1/documents", "GET /api/v1/documents/{id}", "GET /api/v1/documents/{id}/content",
      "GET /api/v1/jobs/{id}", "GET /api/v1/copies", "POST /api/v1/copies",
      "GET /api/v1/copies/{id}", "GET /api/v1/stats", "POST /api/v1/verify",
      "GET /api/openapi.json", "GET /health", "GET /metrics", "GET /verify/{id}",
      "GET /verify/{id}/ban-sao.pdf");

  private static String scopedKey(String role) throws Exception {
    return role.equals("reader") ? otherAgency : scopedOfficer;
  }

  /** {@code METHOD path} with this test's ids filled in, as {@code key}. */
  private static HttpResponse<byte[]> call(String method, String path, String key)
      throws Exception {
    String job = "api-scope";
    if (digitiser.catalog().jobs().find(job).isEmpty()) {
      digitiser.catalog().jobs().start(job, Instant.now(), 1);
      digitiser.catalog().jobs().record(job, new JobItem(dir.resolve("scans/thong-bao.pdf")
          .toString(), JobItem.Status.DONE, Optional.of(document), Optional.empty(),
          Optional.empty(), Optional.empty()));
      digitiser.catalog().jobs().finish(job, Instant.now(), 1);
    }
    String filled = switch (path) {
      case "/api/v1/documents" -> path + "?q=" + URLEncoder.encode("thông báo",
          StandardCharsets.UTF_8);
      case "/api/v1/documents/{id}", "/api/v1/documents/{id}/content" ->
          path.replace("{id}", document.value());
      case "/api/v1/jobs/{id}" -> path.replace("{id}", job);
      case "/api/v1/copies" -> path + "?office=ben-nghe&year=" + copy.entry().book().year()
          + "&number=" + copy.entry().number();
      default -> path.replace("{id}", copy.entry().copyId().value());
    };
    if (method.equals("GET")) {
      return get(filled, key);
    }
    byte[] body = path.equals("/api/v1/copies")
        ? ("{\"originalId\": \"" + document.value() + "\"}").getBytes(StandardCharsets.UTF_8)
        : new byte[0];
    return post(path, key, "application/json", body);
  }

  @Test
  void job_showsInputsByTheirNames_neverTheServersPaths() throws Exception {
    call("GET", "/api/v1/jobs/{id}", reader);

    String shown = text(get("/api/v1/jobs/api-scope", reader));

    assertTrue(shown.contains("\"input\" : \"thong-bao.pdf\""), shown);
    assertFalse(shown.contains(dir.toString()), shown);
  }

  @Test
  void retrievalsAndIssuance_areInTheAuditLog_underTheCallersKey() throws Exception {
    get("/api/v1/documents/" + document.value() + "/content", reader);
    get("/verify/" + copy.entry().copyId(), null);
    get("/api/v1/documents?q=" + URLEncoder.encode("quyết định", StandardCharsets.UTF_8), reader);
    get("/api/v1/copies/" + copy.entry().copyId(), reader);

    List<AuditEntry> entries = digitiser.catalog().auditLog().entries(Instant.EPOCH,
        Instant.now().plusSeconds(1));
    String readerId = reader.substring(6, 22);
    assertTrue(entries.stream().anyMatch(e -> e.actor().equals("key:" + readerId)
        && e.action().equals("retrieve") && e.subject().equals(document.value())),
        entries.toString());
    assertTrue(entries.stream().anyMatch(e -> e.actor().equals("key:" + readerId)
        && e.action().equals("search") && e.detail().contains("q=" + URLEncoder.encode(
            "quyết định", StandardCharsets.UTF_8))), "a search, with its words");
    // The record's agency where it has one (this notice's header names none the reader keeps).
    String agency = digitiser.catalog().documents().stored(document).orElseThrow().agency()
        .map(a -> " agency=" + a).orElse("");
    assertTrue(entries.stream().anyMatch(e -> e.action().equals("retrieve")
        && e.detail().endsWith("/content" + agency)), "a read, with the record's agency");
    assertTrue(entries.stream().anyMatch(e -> e.action().equals("retrieve-copy")
        && e.detail().endsWith(copy.entry().copyId().value() + agency)),
        "a copy, with its original's agency");
    assertTrue(entries.stream().anyMatch(e -> e.actor().equals("public")
        && e.action().equals("verify-page")), entries.toString());
    assertEquals(Optional.empty(), digitiser.catalog().auditLog().verify());
    assertTrue(entries.stream().noneMatch(e -> e.detail().contains(reader.substring(23))),
        "no key's secret is ever written to the log");
  }
}
