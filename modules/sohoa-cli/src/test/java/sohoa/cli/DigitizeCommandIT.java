package sohoa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohoa.catalog.Catalog;
import sohoa.core.document.ContentHash;
import sohoa.core.ocr.EngineFactory;
import sohoa.testkit.fixtures.BadFiles;
import sohoa.testkit.fixtures.Fixtures;
import sohoa.testkit.fixtures.Fonts;
import sohoa.testkit.fixtures.Layout;
import sohoa.testkit.fixtures.ScanDefects;
import sohoa.testkit.fixtures.ScanFiles;
import sohoa.testkit.fixtures.ScanRenderer;
import sohoa.testkit.ocr.ScriptedEngine;

/** The built command, run as a process on a folder of good and bad inputs. */
@Order(Lanes.BACK)
class DigitizeCommandIT {
  private static final List<String> GOOD = List.of("cong-van.tif", "thong-bao.jpg",
      "quyet-dinh.pdf", "bao-cao.pdf", "xoay-nguoc.png");
  private static final Map<String, String> BAD = Map.of(
      "rong.jpg", "empty-input",
      "cat-ngang.jpg", "truncated-input",
      "khong-phai-anh.tif", "unsupported-input",
      "co-mat-khau.pdf", "encrypted-input",
      "qua-lon.png", "input-too-large");
  /**
   * For the runs about reusing and resuming, not reading: every page read as blank, at once.
   * Tesseract reads the folder in the mixed-folder test and in the sohoa processes that the
   * resuming tests kill or stop.
   */
  private static final EngineFactory UNREAD = ScriptedEngine.reading();
  @TempDir static Path dir;
  static Path inputs;

  @BeforeAll
  static void makeInputs() throws Exception {
    inputs = Files.createDirectories(dir.resolve("ho-so"));
    Fixtures.Rendered skewed = Fixtures.render(Fixtures.NOTICE, 300, ScanDefects.NONE.withSkew(1.0));
    Fixtures.Rendered plain = Fixtures.render(Fixtures.NOTICE, 200, ScanDefects.NONE);
    ScanFiles.tiff(List.of(ScanRenderer.bilevel(skewed.pages().get(0)),
        ScanRenderer.bilevel(plain.pages().get(0))), 300, inputs.resolve("cong-van.tif"));
    ScanFiles.jpeg(skewed.pages().get(0), 300, 0.85f, inputs.resolve("thong-bao.jpg"));
    ScanFiles.scannedPdf(plain.pages(), 200, inputs.resolve("quyet-dinh.pdf"));
    Fonts fonts = Fonts.serif();
    ScanFiles.bornDigitalPdf(new Layout(fonts).place(Fixtures.NOTICE), fonts,
        inputs.resolve("bao-cao.pdf"));
    ScanFiles.png(ScanRenderer.spoil(plain.pages().get(0), ScanDefects.NONE.withQuarterTurns(2)),
        200, inputs.resolve("xoay-nguoc.png"));
    BadFiles.zeroBytes(inputs.resolve("rong.jpg"));
    BadFiles.truncated(inputs.resolve("thong-bao.jpg"), inputs.resolve("cat-ngang.jpg"), 0.5);
    BadFiles.notAScan(inputs.resolve("khong-phai-anh.tif"));
    BadFiles.encryptedPdf(inputs.resolve("co-mat-khau.pdf"));
    BadFiles.pixelBomb(inputs.resolve("qua-lon.png"), 100_000, 100_000);
  }

  @Test
  void digitize_mixedFolder_storesTheGoodQuarantinesTheBadAndExitsOne() throws Exception {
    Path data = dir.resolve("data-mixed");

    SohoaProcess.Result run = SohoaCli.run("digitize", inputs.toString(), "--data",
        data.toString(), "--workers", "2", "--json");

    assertEquals(1, run.exitCode(), run.err());
    // Run under the test's umask (022): the catalog, the store, the quarantined inputs and the
    // job reports are sohoa's user's alone all the same.
    OwnerOnly.assertEverythingIn(data);
    JsonNode summary = new ObjectMapper().readTree(run.out());
    assertEquals(GOOD.size(), summary.get("done").asInt(), run.err());
    assertEquals(BAD.size(), summary.get("failed").asInt(), run.err());
    Map<String, JsonNode> byName = new HashMap<>();
    summary.get("documents").forEach(d -> byName.put(Path.of(d.get("source").asText())
        .getFileName().toString(), d));
    for (String good : GOOD) {
      JsonNode item = byName.get(good);
      assertEquals("done", item.get("status").asText(), good);
      assertTrue(item.get("meanConfidence").asDouble() > 80, good + ": " + item);
      String id = item.get("documentId").asText();
      assertTrue(Files.isRegularFile(data.resolve("store/documents/" + id + "/pdfa.pdf")), good);
      assertTrue(Files.isRegularFile(data.resolve("store/originals/"
          + ContentHash.of(inputs.resolve(good)).hex())), good);
    }
    for (Map.Entry<String, String> bad : BAD.entrySet()) {
      JsonNode item = byName.get(bad.getKey());
      assertEquals(bad.getValue(), item.get("error").asText(), bad.getKey());
      Path kept = Path.of(item.get("quarantine").asText());
      assertTrue(kept.startsWith(data.resolve("quarantine")), kept.toString());
      assertTrue(Files.isRegularFile(Path.of(kept + ".error.txt")), kept.toString());
      assertTrue(run.err().contains("FAILED  " + inputs.resolve(bad.getKey()) + ": "
          + item.get("reason").asText()), run.err());
    }
    try (Catalog catalog = Catalog.embedded(data.resolve("catalog"))) {
      assertEquals(GOOD.size(), catalog.documents().count());
    }
    assertTrue(run.err().contains("summary: 5 done, 0 reused, 5 failed; 6 pages"), run.err());
    JsonNode overturned = firstPage(data, byName.get("xoay-nguoc.png"));
    assertEquals(180, overturned.get("rotated").asInt(), overturned.toString());
    assertEquals("lines+reading", overturned.at("/preparation/orientation/decidedBy").asText());
    JsonNode upright = firstPage(data, byName.get("thong-bao.jpg"));
    assertEquals(0, upright.get("rotated").asInt(), upright.toString());
    assertEquals("lines", upright.at("/preparation/orientation/decidedBy").asText());
    assertEquals("none", upright.at("/preparation/enlargement").asText());
    assertEquals(0.0, upright.at("/preparation/perspective").asDouble(), "a scan has none");
    assertTrue(upright.at("/preparation/perspective").isNumber(), upright.toString());
  }

  /** The manifest entry of a digitised document's first page, with its preparation. */
  private static JsonNode firstPage(Path data, JsonNode item) throws Exception {
    return new ObjectMapper().readTree(data.resolve("store/documents/"
        + item.get("documentId").asText() + "/manifest.json").toFile()).get("pages").get(0);
  }

  @Test
  void digitize_sameFolderAgain_reusesEveryDocumentAndRedoesNoOcr() throws Exception {
    Path data = dir.resolve("data-again");
    SohoaCli.run(UNREAD, Map.of(), "digitize", inputs.toString(), "--data", data.toString());

    SohoaProcess.Result again = SohoaCli.run(UNREAD, Map.of(), "digitize", inputs.toString(),
        "--data", data.toString(), "--json");

    JsonNode summary = new ObjectMapper().readTree(again.out());
    assertEquals(0, summary.get("done").asInt());
    assertEquals(GOOD.size(), summary.get("reused").asInt());
    assertEquals(0, summary.get("pages").asInt());
    for (String good : GOOD) {
      assertTrue(again.err().contains("reused  " + inputs.resolve(good)), again.err());
    }
    try (Stream<Path> files = Files.list(data.resolve("store/documents"))) {
      assertEquals(GOOD.size(), files.count());
    }
  }

  @Test
  void digitize_killedMidBatch_thenTheSameCommandAgain_finishesOnlyWhatIsLeft() throws Exception {
    Path data = dir.resolve("data-killed");
    SohoaProcess.Running first = digitizeUntilOneIsDone(data);
    first.kill();
    long finished = first.errSoFar().lines().filter(l -> l.startsWith("done    ")).count();
    assertTrue(finished < GOOD.size(), "killed part-way: " + first.errSoFar());

    JsonNode summary = runAgainDoingOnlyWhatIsLeft(data, finished);
    try (Stream<Path> files = Files.list(data.resolve("store/documents"))) {
      assertEquals(GOOD.size(), files.count());
    }
    try (Catalog catalog = Catalog.embedded(data.resolve("catalog"))) {
      assertEquals(GOOD.size(), catalog.documents().count());
    }
    try (Stream<Path> left = Files.list(data.resolve("work"))) {
      assertEquals(List.of(), left.toList(), "the killed run's half-written files are removed");
    }
  }

  @Test
  void digitize_ctrlC_finishesTheDocumentInHand_recordsTheJobStopped_andARunAgainResumes()
      throws Exception {
    Path data = dir.resolve("data-stopped");
    SohoaProcess.Running first = digitizeUntilOneIsDone(data);

    int exit = first.interrupt();

    String said = first.errSoFar();
    assertEquals(130, exit, said);
    long finished = said.lines().filter(l -> l.startsWith("done    ")).count();
    long failed = said.lines().filter(l -> l.startsWith("FAILED  ")).count();
    int all = GOOD.size() + BAD.size();
    assertTrue(finished + failed < all, "stopped part-way: " + said);
    List<String> end = said.lines().dropWhile(l -> !l.startsWith("summary: ")).toList();
    assertEquals("summary: " + finished + " done, 0 reused, " + failed + " failed",
        end.get(0).replaceAll(";.*", ""), said);
    long pending = all - finished - failed;
    assertEquals("stopped: " + pending + " input" + (pending == 1 ? " was" : "s were")
        + " not started; run the same command again to resume (what is done is reused, not"
        + " redone)", end.get(1), said);
    String jobId = said.lines().filter(l -> l.startsWith("job ")).findFirst().orElseThrow()
        .replaceAll("^job ([^:]+):.*", "$1");
    Path report = data.resolve("jobs").resolve(jobId).resolve("report.html");
    assertEquals("report: " + report, end.get(end.size() - 1), said);
    String html = Files.readString(report);
    assertTrue(html.contains("Đã dừng") && html.contains("Chạy lại đúng lệnh sohoa digitize"),
        "the report says it stopped and how to resume");
    SohoaProcess.Result listed = SohoaCli.run("jobs", "list", "--data",
        data.toString());
    assertTrue(listed.out().contains(jobId) && listed.out().contains(pending + " pending"
        + " (interrupted, Đã dừng"), listed.out());
    assertTrue(listed.out().matches("(?s).*" + jobId
        + "  \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2}  .*"),
        "a date as a person reads it: " + listed.out());
    assertEquals(5, SohoaCli.run("jobs", "show", jobId, "--data", data.toString())
        .exitCode(), "jobs show: interrupted");

    JsonNode summary = runAgainDoingOnlyWhatIsLeft(data, finished);
    assertTrue(summary.get("pending") == null, "a whole batch's JSON is as it was");
  }

  @Test
  void digitize_forAVietnameseOperator_saysWhatFailedAndWhatToDoInVietnamese() throws Exception {
    Path data = dir.resolve("data-vi");

    SohoaProcess.Result run = SohoaCli.run(Map.of("LANG", "vi_VN.UTF-8"), "digitize",
        inputs.resolve("rong.jpg").toString(), "--data", data.toString());

    assertEquals(1, run.exitCode(), run.err());
    assertTrue(run.err().contains("LỖI     " + inputs.resolve("rong.jpg")
        + ": Tệp rỗng, không có nội dung. ("), run.err());
    assertTrue(run.err().contains("\n        cách xử lý: Quét lại văn bản, hoặc chép lại tệp"),
        run.err());
    assertTrue(run.err().contains("\ntổng kết: 0 xong, 0 dùng lại, 1 lỗi; 0 trang trong "),
        run.err());
    assertTrue(run.err().contains("\nbáo cáo: " + data.resolve("jobs")), run.err());
  }

  /** {@code digitize} of the inputs, one at a time, until it has finished a document. */
  private static SohoaProcess.Running digitizeUntilOneIsDone(Path data) throws Exception {
    SohoaProcess.Running first = SohoaProcess.start(dir, Map.of(), "digitize",
        inputs.toString(), "--data", data.toString(), "--workers", "1");
    Instant giveUp = Instant.now().plusSeconds(120);
    while (!first.errSoFar().contains("done    ")) {
      assertTrue(Instant.now().isBefore(giveUp), first.errSoFar());
      Thread.sleep(100);
    }
    return first;
  }

  /**
   * The same command again, after {@code finished} documents were done: those are reused and the
   * rest done (the bad inputs fail again); its JSON summary.
   */
  private static JsonNode runAgainDoingOnlyWhatIsLeft(Path data, long finished)
      throws Exception {
    SohoaProcess.Result again = SohoaCli.run(UNREAD, Map.of(), "digitize", inputs.toString(),
        "--data", data.toString(), "--json");

    assertEquals(1, again.exitCode(), again.err());
    JsonNode summary = new ObjectMapper().readTree(again.out());
    assertEquals(finished, summary.get("reused").asInt(), "what was finished is kept");
    assertEquals(GOOD.size() - finished, summary.get("done").asInt(), "the rest is done now");
    return summary;
  }

  @Test
  void help_andVersion_workForEveryCommand() throws Exception {
    SohoaProcess.Result help = SohoaProcess.run(dir, "--help");
    SohoaProcess.Result digitizeHelp = SohoaCli.run("digitize", "--help");
    SohoaProcess.Result version = SohoaProcess.run(dir, "--version");

    assertEquals(0, help.exitCode());
    assertTrue(help.out().contains("digitize"), help.out());
    assertEquals(0, digitizeHelp.exitCode());
    assertTrue(digitizeHelp.out().contains("--workers=N"), digitizeHelp.out());
    assertEquals(0, version.exitCode());
    assertTrue(version.out().startsWith("sohoa "), version.out());
    for (String command : List.of("show", "search", "sign", "extend", "verify", "certify",
        "register", "catalog", "migrate", "serve", "keys", "audit", "pki", "enqueue", "worker",
        "watch", "jobs")) {
      SohoaProcess.Result commandHelp = SohoaCli.run(command, "--help");
      assertEquals(0, commandHelp.exitCode(), command + ": " + commandHelp.err());
      assertTrue(commandHelp.out().startsWith("Usage: sohoa " + command), commandHelp.out());
    }
  }

  @Test
  void digitize_pathThatDoesNotExist_isAUsageErrorAndTouchesNothing() throws Exception {
    Path data = dir.resolve("data-usage");

    SohoaProcess.Result run = SohoaCli.run("digitize", dir.resolve("khong-co").toString(),
        "--data", data.toString());

    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("no such file or folder: " + dir.resolve("khong-co")), run.err());
    assertTrue(run.err().contains("what to do: check the path"), run.err());
    assertTrue(Files.notExists(data), "nothing is created on a usage error");
  }

  @Test
  void badConfiguration_isAUsageError_namingTheOptionAndWhatToDo() throws Exception {
    String scan = inputs.resolve("thong-bao.jpg").toString();
    String data = dir.resolve("data-config").toString();
    Map<List<String>, String> cases = Map.of(
        List.of("digitize", scan, "--workers", "0"), "--workers must be 1 to 256, not 0",
        List.of("digitize", scan, "--max-pages", "-1"), "give --max-pixels, --max-pages",
        List.of("digitize", scan, "--catalog", "jdbc:mysql://db/sohoa"),
        "--catalog is a PostgreSQL (or H2) JDBC URL",
        List.of("digitize", scan, "--sign", "--sign-level", "B-X"), "--sign-level: no PAdES",
        List.of("digitize", scan, "--formats", "pdfa,docx"), "unknown output format 'docx'",
        List.of("enqueue", scan, "--broker", "amqp://guest@127.0.0.1/", "--queues", "Hồ Sơ"),
        "--queues must be lower-case",
        List.of("serve", "--port", "70000"), "--port must be 0 to 65535",
        List.of("digitize", scan, "--catalog",
            "jdbc:postgresql://127.0.0.1/sohoa?user=sohoa&password=Bi-mat"),
        "--catalog holds the database password");
    for (Map.Entry<List<String>, String> bad : cases.entrySet()) {
      List<String> args = new ArrayList<>(bad.getKey());
      args.addAll(List.of("--data", data));

      SohoaProcess.Result run = SohoaCli.run(args.toArray(String[]::new));

      assertEquals(2, run.exitCode(), bad.getKey() + ": " + run.err());
      assertTrue(run.err().contains(bad.getValue()), bad.getKey() + ": " + run.err());
      assertTrue(run.err().contains("what to do: "), run.err());
      assertFalse(run.err().contains("Bi-mat"), "a password is never repeated: " + run.err());
    }
  }

  @Test
  void digitize_unknownOption_isAUsageError() throws Exception {
    SohoaProcess.Result run = SohoaCli.run("digitize", "--nonsense", "x");

    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("unknown option --nonsense"), run.err());
  }
}
