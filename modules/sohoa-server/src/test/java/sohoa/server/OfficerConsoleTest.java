package sohoa.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import sohoa.catalog.ArtifactRecord;
import sohoa.catalog.AuditEntry;
import sohoa.catalog.AuditTrail;
import sohoa.catalog.CertificateBinding;
import sohoa.catalog.DocumentRecord;
import sohoa.catalog.FieldRecord;
import sohoa.catalog.JobItem;
import sohoa.catalog.OfficerAccount;
import sohoa.catalog.PageRecord;
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
import sohoa.console.Passwords;
import sohoa.core.document.ContentHash;
import sohoa.core.document.CopyId;
import sohoa.core.document.DocumentId;
import sohoa.core.event.EventSink;
import sohoa.core.text.TextOrigin;
import sohoa.pipeline.Digitiser;
import sohoa.pipeline.queue.Broker;
import sohoa.pipeline.queue.BrokerAddress;
import sohoa.sign.TestPki;
import sohoa.sign.pades.SignatureLevel;
import sohoa.store.ObjectKey;
import sohoa.testkit.browser.Chromium;
import sohoa.testkit.fixtures.BadFiles;
import sohoa.testkit.fixtures.Fixtures;
import sohoa.testkit.fixtures.ScanDefects;
import sohoa.testkit.fixtures.ScanFiles;
import sohoa.testkit.mq.RabbitBroker;
import sohoa.testkit.net.FreePorts;
import sohoa.testkit.text.OfficerLanguage;
import sohoa.testkit.token.SoftHsmToken;

/**
 * The officer console end to end, in Debian's headless Chromium against a real server, real OCR
 * and a real TSA: the counter's path, its failure paths, and the guards (sessions, CSRF tokens,
 * lockout, agency scoping). Screenshots go to target/browser/.
 */
// The module's longest class starts first, so that it does not end alone while the other
// classes are done (two run at a time: this module's sohoa.test.classes).
@Order(1)
class OfficerConsoleTest {
  private static final String PASSWORD = "mat-khau-Lan-2026";
  private static final Path SHOTS = Path.of("target", "browser");
  @TempDir static Path dir;
  private static TestPki pki;
  private static Digitiser digitiser;
  private static SohoaServer server;
  private static String base;
  private static String pin;
  private static CertificationService certification;
  /**
   * PASSWORD's bcrypt hash at bcrypt's lowest cost. The console checks it as it checks any (the
   * cost is in the hash), in a millisecond where sohoa's own cost takes a quarter of a second:
   * the route table alone logs in some sixty times. sohoa's own cost is PasswordsTest's.
   */
  private static String passwordHash;
  private static DocumentId notice;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  /** The broker uploads are announced on. */
  private static RabbitBroker rabbit;
  private static Broker broker;

  @BeforeAll
  static void start() throws Exception {
    pki = TestPki.start(dir.resolve("pki"));
    pin = Files.readString(pki.layout().passwordFile()).strip();
    digitiser = Originals.deployment(dir.resolve("data"));
    notice = Originals.notice(digitiser, dir.resolve("scans"));
    int port = FreePorts.next();
    base = "http://127.0.0.1:" + port;
    certification = new CertificationService(digitiser.catalog(),
        digitiser.store(), new CopySigning(pki.signer("officer"), pki.signer("agency"),
        SignatureLevel.B_T), CopyFonts.locate(), URI.create(base), dir.resolve("data/work"),
        Clock.systemUTC(), EventSink.NONE);
    passwordHash = new Passwords(4).hash(PASSWORD.toCharArray());
    addOfficer("lan", "Nguyễn Thị Hoa", "Công chức Tư pháp - Hộ tịch", Optional.empty(),
        OfficerAccount.Role.OFFICER, Optional.of(pki.layout().keystore("officer").toString()));
    addOfficer("binh", "Trần Văn Bình", "Văn thư", Optional.of("Sở Tài chính tỉnh Khánh Hòa"),
        OfficerAccount.Role.CLERK, Optional.empty());
    addOfficer("khoa", "Phạm Khoa", "Văn thư", Optional.empty(), OfficerAccount.Role.CLERK,
        Optional.empty());
    rabbit = RabbitBroker.create();
    broker = Broker.connect(BrokerAddress.parse(rabbit.address(), RabbitBroker.PASSWORD,
        rabbit.names()), Clock.systemUTC());
    server = SohoaServer.start(new Backend(digitiser.catalog(), digitiser.store(),
        Optional.of(certification), Optional.of(digitiser), dir.resolve("data/work"),
        broker.events()),
        new ServerSettings("127.0.0.1", port, 64L << 20, List.of(pki.root()), "quang-phu",
            new ConsoleServices.Tokens(Optional.of(SoftHsmToken.MODULE),
                Optional.of(pki.layout().issuingCertificate())), 1));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    broker.close();
    rabbit.close();
    digitiser.close();
    pki.close();
  }

  @Test
  void officer_uploadsCorrectsCertifiesAndVerifies_inChromium() throws Exception {
    Path scan = dir.resolve("upload/thong-bao-moi.png");
    Files.createDirectories(scan.getParent());
    ScanFiles.png(Fixtures.render(Fixtures.NOTICE, 300, ScanDefects.NONE).pages().get(0), 300,
        scan);
    Path bad = BadFiles.notAScan(dir.resolve("upload/hong.pdf"));
    WebDriver browser = Chromium.desktop();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(180));
    try {
      browser.get(base + "/console");
      assertTrue(browser.getCurrentUrl().contains("/console/login?next="), "no session: login");
      assertTrue(browser.findElements(By.id("insecure")).isEmpty(), "this machine: no warning");
      assertLegible(browser);
      login(browser, "lan", "sai-mat-khau");
      assertTrue(text(browser, "error").contains("Tên đăng nhập hoặc mật khẩu không đúng"));
      Chromium.screenshot(browser, SHOTS.resolve("console-01-wrong-password.png"));
      login(browser, "lan", PASSWORD);
      assertEquals("Tra cứu hồ sơ", browser.findElement(By.tagName("h1")).getText());

      browser.get(base + "/console/upload");
      assertLegible(browser);
      browser.findElement(By.id("file")).sendKeys(scan.toAbsolutePath().toString());
      Chromium.screenshot(browser, SHOTS.resolve("console-02-upload.png"));
      browser.findElement(By.id("send")).click();
      wait.until(b -> b.getCurrentUrl().contains("/console/documents/"));
      String documentUrl = browser.getCurrentUrl();
      assertTrue(browser.findElement(By.id("fields-title")).isDisplayed());
      assertTrue(browser.getPageSource().contains("Quảng Phú"), "the OCR text is shown");
      JavascriptExecutor script = (JavascriptExecutor) browser;
      wait.until(b -> Long.valueOf(1000).equals(script.executeScript("var i = document"
          + ".querySelector('#page-1 img'); i.scrollIntoView(); return i.complete ? i.naturalWidth"
          + " : 0")));
      Chromium.fullPage(browser, SHOTS.resolve("console-03-document.png"));
      assertLegible(browser);

      new Select(browser.findElement(By.id("field"))).selectByValue("agency");
      browser.findElement(By.id("value")).sendKeys("Ủy ban nhân dân xã Quảng Phú");
      nextPage(browser, () -> browser.findElement(By.cssSelector("#correct-field button")).click());
      assertEquals("Đã lưu bản sửa trường thông tin.", text(browser, "notice"));
      assertTrue(browser.findElement(By.cssSelector("tr[data-field=agency]")).getText()
          .contains("Ủy ban nhân dân xã Quảng Phú"));
      String history = text(browser, "history");
      assertTrue(history.contains("Cơ quan ban hành") && history.contains("lan"), history);

      browser.get(base + "/console?agency=" + URLEncoder.encode("uy ban nhan dan xa quang phu",
          StandardCharsets.UTF_8));
      assertTrue(text(browser, "hits").contains("thong-bao-moi.png"),
          "the correction is searchable, folded");
      assertLegible(browser);

      browser.get(documentUrl);
      browser.findElement(By.id("pin")).sendKeys("000000");
      nextPage(browser, () -> browser.findElement(By.id("issue")).click());
      assertTrue(text(browser, "error").contains("Mã PIN không đúng"));
      Chromium.screenshot(browser, SHOTS.resolve("console-04-wrong-pin.png"));
      browser.findElement(By.id("pin")).sendKeys(pin);
      browser.findElement(By.id("issue")).click();
      wait.until(b -> b.getCurrentUrl().contains("/console/copies/"));
      assertEquals("Đã ký và cấp bản sao điện tử.", text(browser, "issued"));
      assertEquals("1", text(browser, "register-number"), "the first number of the book");
      String verifyUrl = text(browser, "verify-url");
      Chromium.screenshot(browser, SHOTS.resolve("console-05-copy.png"));
      assertLegible(browser);
      nextPage(browser, () -> browser.findElement(By.id("receipt")).click());
      assertEquals(verifyUrl, text(browser, "receipt-url"));
      Object qrWidth = script.executeScript("return document.getElementById('qr').naturalWidth");
      assertTrue(((Long) qrWidth) > 100, "the QR code decodes as an image: " + qrWidth);
      Chromium.screenshot(browser, SHOTS.resolve("console-06-receipt.png"));
      assertLegible(browser);

      browser.get(verifyUrl);
      assertEquals("Bản sao hợp lệ", browser.findElement(By.className("verdict")).getText());
      Chromium.screenshot(browser, SHOTS.resolve("console-07-verify.png"));
      assertLegible(browser);

      browser.get(base + "/console/register");
      assertTrue(text(browser, "register").contains("Nguyễn Thị Hoa"));
      assertLegible(browser);

      browser.get(base + "/console/upload");
      browser.findElement(By.id("file")).sendKeys(bad.toAbsolutePath().toString());
      browser.findElement(By.id("send")).click();
      wait.until(b -> !b.findElements(By.id("job-error")).isEmpty());
      assertTrue(text(browser, "job-error").startsWith("Không số hoá được:"));
      assertEquals(List.of(), OfficerLanguage.englishIn(text(browser, "job-error")),
          "a refusal in the officer's words: " + text(browser, "job-error"));
      Chromium.screenshot(browser, SHOTS.resolve("console-08-bad-file.png"));

      nextPage(browser, () -> browser.findElement(By.id("logout")).click());
      assertTrue(browser.getPageSource().contains("Bạn đã đăng xuất."));
      browser.get(documentUrl);
      assertTrue(browser.getCurrentUrl().contains("/console/login"), "logged out: login");
    } finally {
      browser.quit();
    }
  }

  @Test
  void console_worksByKeyboardAndOnAPhone() throws Exception {
    WebDriver phone = Chromium.phone();
    try {
      phone.get(base + "/console/login");
      assertEquals("username", phone.switchTo().activeElement().getDomAttribute("id"),
          "the cursor starts in the first field");
      phone.switchTo().activeElement().sendKeys("khoa" + Keys.TAB);
      nextPage(phone, () -> phone.switchTo().activeElement().sendKeys(PASSWORD + Keys.ENTER));
      assertEquals("Tra cứu hồ sơ", phone.findElement(By.tagName("h1")).getText(),
          "logged in with the keyboard alone");

      phone.get(base + "/console?q=" + URLEncoder.encode("số hóa", StandardCharsets.UTF_8));
      Chromium.fullPage(phone, SHOTS.resolve("console-phone-search.png"));
      assertLegible(phone);
      assertTrue(phone.findElements(By.cssSelector("#hits li")).size() >= 1);
      phone.get(base + "/console/documents/" + notice.value());
      Chromium.fullPage(phone, SHOTS.resolve("console-phone-document.png"));
      assertLegible(phone);
    } finally {
      phone.quit();
    }
  }

  @Test
  void documentPage_linksThePdfaTheOriginalAndTheText_eachAsStored() throws Exception {
    String cookie = session("khoa");
    String page = get("/console/documents/" + notice.value(), cookie).body();
    String files = "/console/documents/" + notice.value() + "/files/";

    HttpResponse<String> text = get(files + "text", cookie);
    HttpResponse<byte[]> pdfa = HTTP.send(HttpRequest.newBuilder(URI.create(base + files
        + "pdfa")).header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofByteArray());
    HttpResponse<String> alto = get(files + "alto", cookie);

    for (String variant : List.of("pdfa", "original", "text")) {
      assertTrue(page.contains("href=\"" + files + variant + "\""), variant + " linked");
    }
    assertFalse(page.contains(files + "signed"), "an unsealed record has no signed copy");
    assertEquals(200, text.statusCode());
    assertTrue(text.body().contains("Quảng Phú"), text.body());
    assertTrue(text.headers().firstValue("Content-Disposition").orElseThrow()
        .contains("thong-bao.txt"));
    assertEquals(200, pdfa.statusCode());
    byte[] stored;
    try (InputStream in = digitiser.store().open(ObjectKey.artifact(notice, "pdfa.pdf"))) {
      stored = in.readAllBytes();
    }
    assertArrayEquals(stored, pdfa.body());
    assertEquals(404, alto.statusCode(), "the console offers what an officer reads");
    assertTrue(alto.body().contains("<html lang=\"vi\""), alto.body());
  }

  @Test
  void pagesWithoutSession_redirectToLogin() throws Exception {
    HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(base
        + "/console/documents/" + notice.value())).build(), HttpResponse.BodyHandlers.ofString());

    assertEquals(303, page.statusCode());
    assertEquals("/console/login?next=%2Fconsole%2Fdocuments%2F" + notice.value(),
        page.headers().firstValue("Location").orElseThrow());
  }

  @Test
  void formWithoutCsrfToken_isRefused() throws Exception {
    String cookie = session("khoa");

    HttpResponse<String> refused = post("/console/documents/" + notice.value() + "/fields",
        cookie, "field=number&value=999");

    assertEquals(403, refused.statusCode());
    assertTrue(refused.body().contains("mã chống giả mạo"), refused.body());
    assertTrue(refused.headers().firstValue("Content-Security-Policy").orElseThrow()
        .contains("frame-ancestors 'none'"), "pages are never framed");
    assertTrue(digitiser.catalog().corrections().history(notice).stream()
        .noneMatch(c -> c.after().equals("999")), "nothing changed");
  }

  @Test
  void officerOfAnotherAgency_cannotSeeTheRecord() throws Exception {
    String cookie = session("binh");

    HttpResponse<String> view = get("/console/documents/" + notice.value(), cookie);
    HttpResponse<String> search = get("/console?q=" + URLEncoder.encode("Quảng Phú",
        StandardCharsets.UTF_8), cookie);

    assertEquals(404, view.statusCode());
    assertFalse(search.body().contains(notice.value()), "not in its search results either");
    assertEquals(200, get("/console/documents/" + notice.value(), session("khoa"))
        .statusCode(), "an unscoped account sees it");
  }

  @Test
  void officerWithAToken_certifiesWithItsPin() throws Exception {
    SoftHsmToken.create("van-thu", "482915", pki.identity("officer").key(),
        pki.identity("officer").certificate(), "officer");
    addOfficer("hoa", "Nguyễn Thị Hoa", "Công chức", Optional.of("xã Quảng Phú"),
        OfficerAccount.Role.OFFICER, Optional.of("pkcs11:van-thu"));
    String cookie = session("khoa");
    String page = get("/console/documents/" + notice.value(), cookie).body();
    post("/console/documents/" + notice.value() + "/fields", cookie, "_csrf=" + csrf(page)
        + "&field=agency&value=" + URLEncoder.encode("Ủy ban nhân dân xã Quảng Phú",
        StandardCharsets.UTF_8));
    String hoa = session("hoa");
    String form = "_csrf=" + csrf(get("/console", hoa).body()) + "&placement=page&pin=";

    HttpResponse<String> wrong = post("/console/documents/" + notice.value() + "/certify",
        hoa, form + "111111");
    HttpResponse<String> right = post("/console/documents/" + notice.value() + "/certify",
        hoa, form + "482915");

    assertEquals(422, wrong.statusCode());
    assertTrue(wrong.body().contains("Mã PIN không đúng"), wrong.body());
    assertEquals(303, right.statusCode(), right.body());
    // The token's PIN (not the keystore's password) opened the key: the token signed.
    String copyPage = get(right.headers().firstValue("Location").orElseThrow(), hoa).body();
    Matcher url = Pattern.compile("id=\"verify-url\" lang=\"zxx\" href=\"([^\"]+)\"")
        .matcher(copyPage);
    assertTrue(url.find(), copyPage);
    HttpResponse<String> verify = HTTP.send(HttpRequest.newBuilder(URI.create(
        url.group(1).replace("&amp;", "&"))).build(), HttpResponse.BodyHandlers.ofString());
    assertTrue(verify.body().contains("Bản sao hợp lệ"), verify.body());
  }

  @Test
  void search_pagesTwentyAtATime_andPagesToReviewStandOut() throws Exception {
    List<DocumentId> ids = new ArrayList<>();
    for (int i = 0; i < 21; i++) {
      ids.add(record("Biên bản phân trang số " + i));
    }
    String cookie = session("khoa");

    String first = get("/console?q=" + URLEncoder.encode("phân trang", StandardCharsets.UTF_8),
        cookie).body();
    String second = get("/console?q=" + URLEncoder.encode("phân trang", StandardCharsets.UTF_8)
        + "&page=2", cookie).body();
    String review = get("/console/documents/" + ids.get(0).value(), cookie).body();

    assertEquals(20, first.split("class=\"hit\"").length - 1);
    assertTrue(first.contains("id=\"next-page\""), "a full page links to the next");
    assertEquals(1, second.split("class=\"hit\"").length - 1);
    assertFalse(second.contains("id=\"next-page\""));
    assertTrue(second.contains("rel=\"prev\""));
    assertTrue(review.contains("class=\"page review\""), "the page to review is marked");
    assertTrue(review.contains("1 trang cần kiểm tra lại"), review);
  }

  @Test
  void register_showsVoidedNumbersWithTheirReason() throws Exception {
    RegisterEntry reserved = digitiser.catalog().register().reserve(new RegisterBook("quang-phu",
        "02", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).getYear()),
        CopyId.random(new SecureRandom()), notice, "Lê Văn Tâm", "Phó Chủ tịch",
        "Ủy ban nhân dân xã Quảng Phú", "test:1:1", Instant.now());
    digitiser.catalog().register().voidEntry(reserved, "máy chủ dấu thời gian không trả lời",
        Instant.now());

    String page = get("/console/register", session("khoa")).body();

    assertTrue(page.contains("class=\"voided\""), page);
    assertTrue(page.contains("máy chủ dấu thời gian không trả lời"));
    assertTrue(page.contains("Đã huỷ"));
  }

  /** A one-page document the OCR engine read poorly, catalogued without the pipeline. */
  private static DocumentId record(String text) throws Exception {
    ContentHash original = ContentHash.of(text.getBytes(StandardCharsets.UTF_8));
    DocumentId id = DocumentId.of(original);
    digitiser.catalog().documents().record(new DocumentRecord(id, original, text + ".png",
        "image/png", 1, 55f,
        text + "\n", original, Instant.now(), List.of(), List.of(new PageRecord(1,
            TextOrigin.OCR, 5, 55f, true)), "other", List.of(), Optional.empty()));
    return id;
  }

  /**
   * The indicators of a past year, known in advance (the other tests catalogue this year's):
   * two agencies, three records in October and November 2024, one sealed; three retrievals and a
   * scan sent again; read in Chromium from the table, the chart and the definitions.
   */
  @Test
  void statsPage_showsEachAgencysMonths_aChartDrawnOnTheServer_andWhatEachFigureMeans()
      throws Exception {
    Instant october = Instant.parse("2024-10-08T03:00:00Z");
    Instant november = Instant.parse("2024-11-20T03:00:00Z");
    DocumentRecord sealed = pastRecord("ke-hoach", "UBND xã Định Hòa", october, true);
    pastRecord("bao-cao", "UBND xã Định Hòa", october, false);
    DocumentRecord later = pastRecord("to-trinh", "Sở Tư pháp", november, false);
    AuditTrail trail = digitiser.catalog().auditTrail(Clock.fixed(november, ZoneOffset.UTC));
    for (int i = 0; i < 3; i++) {
      trail.record(new AuditTrail.Entry("cong-dich-vu", "retrieve", later.id().value(),
          Optional.empty(), "GET content"));
    }
    digitiser.catalog().jobs().start("thong-ke-2024", november, 1);
    digitiser.catalog().jobs().record("thong-ke-2024", new JobItem("ke-hoach.tif",
        JobItem.Status.REUSED, Optional.of(sealed.id()), Optional.empty(), Optional.empty(),
        Optional.empty()));
    WebDriver browser = Chromium.desktop();
    try {
      browser.get(base + "/console/login");
      login(browser, "khoa", PASSWORD);
      browser.get(base + "/console/thong-ke?year=2024");
      Chromium.fullPage(browser, SHOTS.resolve("console-09-stats.png"));

      assertEquals("Thống kê chuyển đổi số năm 2024",
          browser.findElement(By.tagName("h1")).getText());
      List<String> rows = browser.findElements(By.cssSelector("#stats tbody tr")).stream()
          .map(WebElement::getText).toList();
      assertEquals(List.of("Sở Tư pháp 11/2024 1 0 0,0% 0 3 0 75,0%",
          "UBND xã Định Hòa 10/2024 2 1 50,0% 0 0 0 0,0%",
          "UBND xã Định Hòa 11/2024 0 0 — 0 0 1 100,0%"), rows);
      assertEquals("3 hồ sơ số hoá mới · 4 lượt dùng lại hồ sơ đã có", text(browser, "totals"));
      List<String> bars = browser.findElements(By.cssSelector("#chart rect")).stream()
          .map(r -> r.getDomAttribute("class") + r.getDomAttribute("data-value")).toList();
      assertEquals(24, bars.size(), "two bars a month");
      assertEquals(List.of("moi2", "dung-lai0", "moi1", "dung-lai4"), bars.subList(18, 22));
      assertTrue(browser.findElements(By.cssSelector("script[src], link[href^='http']"))
          .isEmpty(), "nothing from a CDN");
      String definitions = text(browser, "definitions");
      for (String figure : List.of("Số hoá mới", "tỷ lệ ký số", "Bản sao điện tử",
          "Lượt khai thác", "Quét lại đã có", "Tỷ lệ dùng lại", "Những gì sohoa không biết")) {
        assertTrue(definitions.contains(figure), figure + " is explained");
      }
      assertLegible(browser);
      assertEquals(List.of(), OfficerLanguage.englishIn(browser.findElement(By.tagName("main"))
          .getText()));
    } finally {
      browser.quit();
    }
  }

  /** A record catalogued in a past year, with {@code agency} read from its header. */
  private static DocumentRecord pastRecord(String name, String agency, Instant at,
      boolean sealed) throws Exception {
    ContentHash original = ContentHash.of((name + at).getBytes(StandardCharsets.UTF_8));
    DocumentId id = DocumentId.of(original);
    List<ArtifactRecord> artifacts = new ArrayList<>(List.of(new ArtifactRecord("pdfa",
        "documents/" + id + "/pdfa.pdf", ContentHash.of(new byte[] {1}), 1000)));
    if (sealed) {
      artifacts.add(new ArtifactRecord("signed", "documents/" + id + "/signed.pdf",
          ContentHash.of(new byte[] {2}), 1100));
    }
    DocumentRecord record = new DocumentRecord(id, original, name + ".tif", "image/tiff", 1,
        92f, "KẾ HOẠCH", ContentHash.of(new byte[] {3}), at, artifacts,
        List.of(new PageRecord(1, TextOrigin.OCR, 40, 92f, false)), "administrative",
        List.of(new FieldRecord("agency", agency, 0.9, 1, Optional.empty())), Optional.empty());
    digitiser.catalog().documents().record(record);
    return record;
  }

  @Test
  void registerCsv_isTheYearsBookForSpreadsheets() throws Exception {
    copyOfTheNotice();
    HttpResponse<String> csv = get("/console/register.csv", session("khoa"));

    assertEquals(200, csv.statusCode());
    assertTrue(csv.headers().firstValue("Content-Type").orElseThrow().startsWith("text/csv"));
    assertTrue(csv.body().startsWith("\uFEFFso_chung_thuc,quyen_so,trang_thai"), csv.body());
    assertTrue(csv.headers().firstValue("Content-Disposition").orElseThrow()
        .contains("so-chung-thuc-quang-phu-"));
    assertTrue(csv.body().contains(",Đã cấp,"), "statuses in Vietnamese: " + csv.body());
    assertFalse(csv.body().contains(",ISSUED,"), csv.body());
    assertEquals(List.of(), OfficerLanguage.englishIn(csv.body()), csv.body());
  }

  @Test
  void wrongPasswordAndUnknownName_areAnsweredAlike() throws Exception {
    addOfficer("tam", "Võ Tâm", "Văn thư", Optional.empty(), OfficerAccount.Role.CLERK,
        Optional.empty());

    HttpResponse<String> known = loginOverHttp("tam", "sai-mat-khau");
    HttpResponse<String> unknown = loginOverHttp("khong-co-ai", "sai-mat-khau");

    assertEquals(401, known.statusCode());
    assertEquals(401, unknown.statusCode());
    assertEquals(errorOf(known.body()), errorOf(unknown.body()));
    assertTrue(errorOf(known.body()).contains("Tên đăng nhập hoặc mật khẩu không đúng."),
        known.body());
    assertEquals(303, loginOverHttp("tam", PASSWORD).statusCode());
  }

  @Test
  void repeatedWrongPasswords_makeTheNextTryWait_thenTheRightOneWorks() throws Exception {
    addOfficer("vinh", "Đỗ Vinh", "Văn thư", Optional.empty(), OfficerAccount.Role.CLERK,
        Optional.empty());
    for (int i = 0; i < 4; i++) {
      assertEquals(401, loginOverHttp("vinh", "sai-" + i).statusCode());
    }

    HttpResponse<String> waiting = loginOverHttp("vinh", PASSWORD);

    assertEquals(429, waiting.statusCode(), "the right password is not tried yet");
    assertEquals("2", waiting.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(waiting.body().contains("Vui lòng chờ 2 giây rồi thử lại"), waiting.body());
    Thread.sleep(2_100);
    assertEquals(303, loginOverHttp("vinh", PASSWORD).statusCode(), "no lockout: a short wait");
  }

  /** The error the login page shows, without the rest of the page (which echoes the name). */
  private static String errorOf(String page) {
    int at = page.indexOf("Tên đăng nhập hoặc");
    return at < 0 ? page : page.substring(at, page.indexOf('<', at));
  }

  @Test
  void fifthWrongPin_locksSigning_evenAgainstTheRightPin() throws Exception {
    addOfficer("thu", "Lê Thu", "Công chức Tư pháp - Hộ tịch", Optional.empty(),
        OfficerAccount.Role.OFFICER, Optional.of(pki.layout().keystore("officer").toString()));
    String thu = session("thu");
    String form = "_csrf=" + csrf(get("/console", thu).body()) + "&placement=page&agency="
        + URLEncoder.encode("Ủy ban nhân dân xã Quảng Phú", StandardCharsets.UTF_8) + "&pin=";
    String certify = "/console/documents/" + notice.value() + "/certify";
    for (int i = 1; i < 5; i++) {
      HttpResponse<String> wrong = post(certify, thu, form + "sai-" + i);
      assertEquals(422, wrong.statusCode());
      assertTrue(wrong.body().contains("Còn " + (5 - i) + " lần thử"), wrong.body());
    }

    HttpResponse<String> fifth = post(certify, thu, form + "sai-5");
    HttpResponse<String> right = post(certify, thu, form + pin);

    assertTrue(fifth.body().contains("Việc ký số của tài khoản này tạm khoá đến"), fifth.body());
    assertEquals(423, right.statusCode(), "the right PIN is not even tried");
    assertTrue(right.body().contains("vì nhập sai mã PIN 5 lần liên tiếp"), right.body());
    assertEquals(200, get("/console", thu).statusCode(), "still logged in: logins stay open");
  }

  @Test
  void certify_withAKeyWhoseCertificateIsNotTheAccounts_isRefusedAndNothingIsNumbered()
      throws Exception {
    digitiser.catalog().officers().create(OfficerAccount.of("tu", "Nguyễn Thị Hoa", "Công chức",
        Optional.empty(), OfficerAccount.Role.OFFICER,
        Optional.of(pki.layout().keystore("officer").toString()), Instant.now())
        .boundTo(CertificateBinding.of(pki.identity("expired-officer").certificate())),
        passwordHash);
    String tu = session("tu");
    int before = digitiser.catalog().register().issued().size();

    HttpResponse<String> refused = post("/console/documents/" + notice.value() + "/certify", tu,
        "_csrf=" + csrf(get("/console", tu).body()) + "&placement=page&pin=" + pin);

    assertEquals(409, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("không mang chứng thư số đã gắn với tài khoản"),
        refused.body());
    assertEquals(before, digitiser.catalog().register().issued().size());
  }

  @Test
  void everyRead_isInTheAuditLog_withWhoWhatAndTheRecordsAgency() throws Exception {
    String khoa = session("khoa");
    // The notice's agency, as the token test also corrects it: the same value either way.
    post("/console/documents/" + notice.value() + "/fields", khoa, "_csrf=" + csrf(get(
        "/console/documents/" + notice.value(), khoa).body()) + "&field=agency&value="
        + URLEncoder.encode("Ủy ban nhân dân xã Quảng Phú", StandardCharsets.UTF_8));
    String searched = "/console?q=" + URLEncoder.encode("thông báo", StandardCharsets.UTF_8);
    String page = "/console/documents/" + notice.value();

    assertEquals(200, get(searched, khoa).statusCode());
    assertEquals(200, get(page, khoa).statusCode());
    assertEquals(200, get(page + "/pages/1/image", khoa).statusCode());

    List<AuditEntry> reads = digitiser.catalog().auditLog().entries(Instant.EPOCH,
        Instant.now().plusSeconds(1)).stream().filter(e -> e.actor().equals("officer:khoa")
            && e.action().equals("console.read")).toList();
    assertTrue(reads.stream().anyMatch(e -> e.detail().equals("GET " + searched)), reads
        .toString());
    String agency = " agency=Ủy ban nhân dân xã Quảng Phú";
    assertTrue(reads.stream().anyMatch(e -> e.detail().equals("GET " + page + agency)),
        reads.toString());
    assertTrue(reads.stream().anyMatch(e -> e.detail().equals("GET " + page
        + "/pages/1/image" + agency)), reads.toString());
  }

  /**
   * Every console route, for an officer and a clerk of another agency, against a record, its
   * page, a copy of it and the job that made it: each answers as if they were absent, and no
   * answer that is not a refusal carries them. -1: any answer, as long as it carries none of them; 0: not called (it
   * ends the session). A route missing from this table fails the test.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"GET /console, 200, 200", "GET /console/login, -1, -1",
      "POST /console/login, -1, -1", "POST /console/logout, 0, 0",
      "GET /console/documents/{id}, 404, 404", "GET /console/documents/{id}/thumbnail, 404, 404",
      "GET /console/documents/{id}/pages/{n}/image, 404, 404",
      "GET /console/documents/{id}/files/{variant}, 404, 404",
      "POST /console/documents/{id}/fields, 404, 404",
      "POST /console/documents/{id}/pages/{n}/text, 404, 404",
      "POST /console/documents/{id}/certify, 404, 403", "GET /console/upload, 200, 200",
      "POST /console/upload, -1, -1", "GET /console/jobs/{id}, 404, 404",
      "GET /console/jobs/{id}/status, 404, 404", "GET /console/copies/{id}, 404, 404",
      "GET /console/copies/{id}/receipt, 404, 404",
      "GET /console/copies/{id}/ban-sao.pdf, 404, 404", "GET /console/register, 200, 200",
      "GET /console/register.csv, 200, 200", "GET /console/thong-ke, 200, 200",
      "GET /console/static/{name}, -1, -1"})
  void everyConsoleRoute_checksTheRecordsOwnAgency(String route, int asOfficer, int asClerk)
      throws Exception {
    List<String> table = List.of("GET /console", "GET /console/login", "POST /console/login",
        "POST /console/logout", "GET /console/documents/{id}",
        "GET /console/documents/{id}/thumbnail", "GET /console/documents/{id}/pages/{n}/image",
        "GET /console/documents/{id}/files/{variant}",
        "POST /console/documents/{id}/fields", "POST /console/documents/{id}/pages/{n}/text",
        "POST /console/documents/{id}/certify", "GET /console/upload", "POST /console/upload",
        "GET /console/jobs/{id}", "GET /console/jobs/{id}/status", "GET /console/copies/{id}",
        "GET /console/copies/{id}/receipt", "GET /console/copies/{id}/ban-sao.pdf",
        "GET /console/register", "GET /console/register.csv", "GET /console/thong-ke",
        "GET /console/static/{name}");
    assertEquals(Set.copyOf(table), Set.copyOf(server.consoleRoutes()),
        "every console route is in this table");
    if (digitiser.catalog().officers().find("an").isEmpty()) {
      addOfficer("an", "Nguyễn Thị Hoa", "Công chức", Optional.of("Sở Tài chính tỉnh Khánh Hòa"),
          OfficerAccount.Role.OFFICER, Optional.of(pki.layout().keystore("officer").toString()));
    }
    CertifiedCopy copy = copyOfTheNotice();
    String job = "console-scope";
    if (digitiser.catalog().jobs().find(job).isEmpty()) {
      digitiser.catalog().jobs().start(job, Instant.now(), 1);
      digitiser.catalog().jobs().record(job, new JobItem("thong-bao.pdf", JobItem.Status.DONE,
          Optional.of(notice), Optional.empty(), Optional.empty(), Optional.empty()));
      digitiser.catalog().jobs().finish(job, Instant.now(), 1);
    }
    String method = route.substring(0, route.indexOf(' '));
    String path = route.substring(route.indexOf(' ') + 1)
        .replace("/documents/{id}", "/documents/" + notice.value()).replace("{n}", "1")
        .replace("/jobs/{id}", "/jobs/" + job)
        .replace("/copies/{id}", "/copies/" + copy.entry().copyId().value())
        .replace("{name}", "console.css").replace("{variant}", "pdfa");

    for (Map.Entry<String, Integer> who : Map.of("an", asOfficer, "binh", asClerk).entrySet()) {
      if (who.getValue() == 0) {
        continue;
      }
      String cookie = session(who.getKey());
      HttpResponse<String> answer = method.equals("GET") ? get(path, cookie)
          : post(path, cookie, "_csrf=" + csrf(get("/console", cookie).body())
              + "&field=agency&value=x&text=x&pin=" + pin);

      if (who.getValue() > 0) {
        assertEquals((int) who.getValue(), answer.statusCode(), who.getKey() + " " + route);
      }
      // A refusal may repeat the address asked for; an answer must not show the record.
      assertFalse(answer.statusCode() < 300 && (answer.body().contains(notice.value())
          || answer.body().contains(copy.entry().copyId().value())), who.getKey() + " " + route
          + " shows another agency's record");
    }
    if (method.equals("GET") && route.contains("{id}")) {
      assertEquals(200, get(path, session("lan")).statusCode(), "its own agency's: " + route);
    }
  }

  /** One certified copy of the notice, issued once for the tests that need it. */
  private static CertifiedCopy copyOfTheNotice() throws Exception {
    List<RegisterEntry> issued = digitiser.catalog().register().ofOriginal(notice).stream()
        .filter(e -> e.status() == RegisterEntry.Status.ISSUED).toList();
    if (issued.isEmpty()) {
      return certification.issue(new CertificationRequest(notice, new Officer("Nguyễn Thị Hoa",
          "Công chức"), certification.agency(), "quang-phu", "01", Placement.PAGE));
    }
    RegisterEntry entry = issued.get(0);
    return new CertifiedCopy(entry, digitiser.store().stat(new ObjectKey(entry.objectKey()
        .orElseThrow())).orElseThrow(), "");
  }

  @Test
  void upload_overTheServersLimit_isRefusedWithTheLimitInMegabytes() throws Exception {
    HttpResponse<String> refused = upload(session("khoa"), "so-ho-khau.png",
        () -> zeros((64L << 20) + 1));

    assertEquals(413, refused.statusCode());
    assertTrue(refused.body().contains("Tệp so-ho-khau.png lớn hơn giới hạn 64 MB máy chủ nhận"),
        refused.body());
    assertTrue(refused.body().contains("<html lang=\"vi\""), "a console page, not the API's JSON");
  }

  @Test
  void upload_whileTheQueueIsFull_isAVietnamesePageWithRetryAfter_andTakenOnceThereIsRoom()
      throws Exception {
    // Its own scan (250 dpi): one the other tests send would be reused, not digitised.
    Path scan = dir.resolve("upload/cho-doi.png");
    Files.createDirectories(scan.getParent());
    ScanFiles.png(Fixtures.render(Fixtures.NOTICE, 250, ScanDefects.NONE).pages().get(0), 250,
        scan);
    String cookie = session("khoa");
    String events = rabbit.listen(rabbit.names() + ".events", "document.*");

    HttpResponse<String> first = upload(cookie, "cho-doi.png", () -> open(scan));
    HttpResponse<String> second = upload(cookie, "cho-doi.png", () -> open(scan));

    assertEquals(303, first.statusCode(), first.body());
    assertEquals(503, second.statusCode(), second.body());
    assertEquals(Optional.of("30"), second.headers().firstValue("Retry-After"));
    assertTrue(second.body().contains("<html lang=\"vi\""), "a console page, not the API's JSON");
    assertTrue(second.body().contains("Máy chủ đang có 1 bản quét chờ số hoá"), second.body());
    assertTrue(second.body().contains("hãy gửi lại sau khoảng 30 giây"), second.body());
    assertEquals("finished", jobEnd(first, cookie));
    HttpResponse<String> later = upload(cookie, "cho-doi.png", () -> open(scan));
    assertEquals(303, later.statusCode(), "taken once the first is done: " + later.body());
    assertEquals("finished", jobEnd(later, cookie), "and reused");
    assertEquals(List.of("document.digitised"), rabbit.take(events).stream()
        .map(RabbitBroker.Message::type).toList(), "a console upload is announced, once");
  }

  /**
   * How the console job an upload answer leads to ends ("finished" or "failed"), once its place
   * in the queue is free again.
   */
  private static String jobEnd(HttpResponse<String> upload, String cookie) throws Exception {
    String status = upload.headers().firstValue("Location").orElseThrow() + "/status";
    for (int i = 0; i < 360; i++) {
      Matcher state = Pattern.compile("\"state\"\\s*:\\s*\"(\\w+)\"").matcher(get(status, cookie)
          .body());
      assertTrue(state.find(), status);
      if (!state.group(1).equals("queued") && !state.group(1).equals("running")) {
        // The catalog has the job's end a moment before the intake frees its place.
        Thread.sleep(500);
        return state.group(1);
      }
      Thread.sleep(500);
    }
    throw new AssertionError(status + " still running after three minutes");
  }

  /** Sends {@code content} as the upload page's form does, under {@code fileName}. */
  private static HttpResponse<String> upload(String cookie, String fileName,
      Supplier<InputStream> content) throws Exception {
    String token = csrf(get("/console/upload", cookie).body());
    String boundary = "sohoa-" + System.nanoTime();
    byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\";"
        + " filename=\"" + fileName + "\"\r\nContent-Type: image/png\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/console/upload"))
        .header("Cookie", cookie).header("X-CSRF-Token", token)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
            Collections.enumeration(List.of(new ByteArrayInputStream(head), content.get(),
                new ByteArrayInputStream(tail))))))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private static InputStream open(Path file) {
    try {
      return Files.newInputStream(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code size} zero bytes, made as they are read. */
  private static InputStream zeros(long size) {
    return new InputStream() {
      private long left = size;

      @Override
      public int read() {
        return left-- > 0 ? 0 : -1;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        if (left <= 0) {
          return -1;
        }
        int n = (int) Math.min(length, left);
        Arrays.fill(buffer, offset, offset + n, (byte) 0);
        left -= n;
        return n;
      }
    };
  }

  /**
   * What every page must keep: Vietnamese declared, a label for every control, a text for every
   * picture, nothing wider than the screen.
   */
  private static void assertLegible(WebDriver browser) {
    JavascriptExecutor script = (JavascriptExecutor) browser;
    assertEquals("vi", script.executeScript("return document.documentElement.lang"));
    assertEquals(List.of(), script.executeScript("return Array.from(document.querySelectorAll("
        + "'input:not([type=hidden]), select, textarea')).filter(e => e.labels.length === 0"
        + " && !e.getAttribute('aria-label')).map(e => e.name)"), "unlabelled controls");
    assertEquals(0L, script.executeScript(
        "return document.querySelectorAll('img:not([alt])').length"), "pictures without alt");
    assertEquals(0L, script.executeScript(
        "return Math.max(0, document.documentElement.scrollWidth - window.innerWidth)"),
        "sideways scrolling on " + browser.getCurrentUrl());
    // What the officer reads, less what the page marks as another language (a code, a name).
    String reads = (String) script.executeScript("var b = document.body.cloneNode(true);"
        + " b.querySelectorAll('[lang]:not([lang=vi])').forEach(function(e) { e.remove(); });"
        + " return b.innerText;");
    assertEquals(List.of(), OfficerLanguage.englishIn(reads), "English on "
        + browser.getCurrentUrl());
    assertFalse(browser.getPageSource().contains("??"), "a key the catalogue lacks on "
        + browser.getCurrentUrl());
  }

  private static void login(WebDriver browser, String user, String password) {
    browser.findElement(By.id("username")).clear();
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(password);
    nextPage(browser, () -> browser.findElement(By.id("login")).click());
  }

  /** Does {@code action} and waits for the page it leads to, which lacks the old page's mark. */
  private static void nextPage(WebDriver browser, Runnable action) {
    JavascriptExecutor script = (JavascriptExecutor) browser;
    script.executeScript("window.sohoaOldPage = true");
    action.run();
    new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> Boolean.TRUE.equals(
        script.executeScript("return !window.sohoaOldPage"
            + " && document.readyState === 'complete'")));
  }

  private static String text(WebDriver browser, String id) {
    return browser.findElement(By.id(id)).getText();
  }

  /**
   * An account whose password is {@link #PASSWORD}; one with a signing key is bound to the test
   * PKI officer's certificate, which every key here holds.
   */
  private static void addOfficer(String username, String name, String title,
      Optional<String> agency, OfficerAccount.Role role, Optional<String> signingKey)
      throws Exception {
    OfficerAccount account = OfficerAccount.of(username, name, title, agency, role, signingKey,
        Instant.now());
    digitiser.catalog().officers().create(signingKey.isEmpty() ? account : account.boundTo(
        CertificateBinding.of(pki.identity("officer").certificate())), passwordHash);
  }

  /** A session cookie for {@code user}, by the login form as a browser posts it. */
  private static String session(String user) throws Exception {
    HttpResponse<String> in = loginOverHttp(user, PASSWORD);
    assertEquals(303, in.statusCode(), in.body());
    return cookie(in, "sohoa_console");
  }

  private static HttpResponse<String> loginOverHttp(String user, String password)
      throws Exception {
    HttpResponse<String> form = get("/console/login", null);
    String token = cookie(form, "sohoa_login");
    return post("/console/login", "sohoa_login=" + token, "_csrf=" + token + "&username="
        + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
  }

  /** The CSRF token the page's forms carry. */
  private static String csrf(String page) {
    Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
    assertTrue(m.find(), "a form with its token");
    return m.group(1);
  }

  private static String cookie(HttpResponse<?> response, String name) {
    for (String header : response.headers().allValues("Set-Cookie")) {
      Matcher m = Pattern.compile("^" + name + "=([^;]*)").matcher(header);
      if (m.find() && !m.group(1).isEmpty()) {
        return name + "=" + m.group(1);
      }
    }
    throw new AssertionError("no " + name + " cookie in " + response.headers());
  }

  private static HttpResponse<String> get(String path, String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String cookie, String form)
      throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Cookie", cookie)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
