package sohoa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohoa.testkit.fixtures.FlateBombs;
import sohoa.testkit.fixtures.BadFiles;
import sohoa.testkit.fixtures.Fixtures;
import sohoa.testkit.fixtures.HostileFiles;
import sohoa.testkit.fixtures.ScanDefects;
import sohoa.testkit.fixtures.ScanFiles;
import sohoa.testkit.fixtures.ScanRenderer;
import sohoa.testkit.net.FreePorts;

/**
 * What arrives from everywhere, through {@code digitize} with a 256 MB heap: every hostile or
 * broken input gets its precise reason and is quarantined, the good ones (however named) are
 * digitised, the batch goes on, and no output carries the input's active content.
 */
@Order(Lanes.SECOND_LONGEST)
class HostileInputIT {
  /** Input, and the error it must be refused with. */
  private static final Map<String, String> REFUSED = Map.ofEntries(
      Map.entry("cat-ngang.jpg", "truncated-input"),
      Map.entry("qua-lon.png", "input-too-large"),
      Map.entry("rong.pdf", "empty-input"),
      Map.entry("cat-ngang.pdf", "truncated-input"),
      Map.entry("cat-ngang.png", "truncated-input"),
      Map.entry("cat-ngang.tif", "truncated-input"),
      Map.entry("bom-giai-nen.pdf", "input-too-large"),
      Map.entry("bom-bang-xref.pdf", "input-too-large"),
      Map.entry("bom-luong-doi-tuong.pdf", "input-too-large"),
      Map.entry("hai-muoi-nghin-trang.pdf", "input-too-large"),
      Map.entry("vong-lap.pdf", "unreadable-input"),
      Map.entry("long-sau.pdf", "unreadable-input"),
      Map.entry("the-tiff-vo-ly.tif", "input-too-large"),
      Map.entry("co-mat-khau.pdf", "encrypted-input"));
  /** Inputs that are odd but fine: digitised (or reused, when their content came before). */
  private static final List<String> TAKEN = List.of("co-ma-javascript.pdf",
      "mat-khau-chu-so-huu.pdf", "xref-hong.pdf", "pdf-kiem-zip.pdf", "anh-png-duoi-pdf.pdf",
      "Quyết định số 12 năm 2024.png", "xuong\ndong.png", "d".repeat(246) + ".png");
  private static final Map<String, String> HEAP = Map.of("SOHOA_JAVA_OPTS", "-Xmx256m");
  /** Inputs built to exhaust memory when read: signed and verified in a small heap. */
  private static final Set<String> BOMBS = Set.of("bom-bang-xref.pdf", "bom-luong-doi-tuong.pdf");

  @TempDir static Path dir;
  static Path inputs;
  static BufferedImage page;

  @BeforeAll
  static void makeCorpus() throws Exception {
    inputs = Files.createDirectories(dir.resolve("tu-moi-noi"));
    page = Fixtures.render(Fixtures.NOTICE, 200, ScanDefects.NONE).pages().get(0);
    Path good = dir.resolve("tot.png");
    ScanFiles.png(page, 200, good);
    Path goodPdf = dir.resolve("tot.pdf");
    ScanFiles.scannedPdf(List.of(page), 200, goodPdf);
    Path goodTiff = dir.resolve("tot.tif");
    ScanFiles.tiff(List.of(page), 200, goodTiff);
    BadFiles.zeroBytes(inputs.resolve("rong.pdf"));
    Path goodJpeg = dir.resolve("tot.jpg");
    ScanFiles.jpeg(page, 200, 0.9f, goodJpeg);
    BadFiles.truncated(goodJpeg, inputs.resolve("cat-ngang.jpg"), 0.5);
    BadFiles.pixelBomb(inputs.resolve("qua-lon.png"), 100_000, 100_000);
    BadFiles.truncated(goodPdf, inputs.resolve("cat-ngang.pdf"), 0.4);
    BadFiles.truncated(good, inputs.resolve("cat-ngang.png"), 0.4);
    BadFiles.truncated(goodTiff, inputs.resolve("cat-ngang.tif"), 0.4);
    FlateBombs.streamBomb(inputs.resolve("bom-giai-nen.pdf"), 2048);
    FlateBombs.xrefStreamBomb(inputs.resolve("bom-bang-xref.pdf"), 4096);
    FlateBombs.objectStreamBomb(inputs.resolve("bom-luong-doi-tuong.pdf"), 4096);
    HostileFiles.manyPages(inputs.resolve("hai-muoi-nghin-trang.pdf"), 20_000);
    HostileFiles.cyclicPageTree(inputs.resolve("vong-lap.pdf"));
    HostileFiles.deeplyNested(inputs.resolve("long-sau.pdf"), 100_000);
    HostileFiles.absurdTiff(inputs.resolve("the-tiff-vo-ly.tif"));
    BadFiles.encryptedPdf(inputs.resolve("co-mat-khau.pdf"));
    HostileFiles.activePdf(page, inputs.resolve("co-ma-javascript.pdf"));
    HostileFiles.ownerPasswordPdf(page, inputs.resolve("mat-khau-chu-so-huu.pdf"));
    HostileFiles.brokenXref(page, inputs.resolve("xref-hong.pdf"));
    HostileFiles.polyglot(page, inputs.resolve("pdf-kiem-zip.pdf"));
    Files.copy(good, inputs.resolve("anh-png-duoi-pdf.pdf"));
    Files.copy(good, inputs.resolve("Quyết định số 12 năm 2024.png"));
    Files.copy(good, inputs.resolve("xuong\ndong.png"));
    Files.copy(good, inputs.resolve("d".repeat(246) + ".png"));
    Files.copy(good, inputs.resolve("..an.png"));
    Files.createSymbolicLink(inputs.resolve("lien-ket.png"), Path.of("/etc/passwd"));
  }

  @Test
  void digitize_hostileCorpus_eachRefusedWithItsReason_quarantined_theRestDone_inASmallHeap()
      throws Exception {
    Path data = dir.resolve("data");
    Instant started = Instant.now();

    SohoaProcess.Result run = SohoaProcess.run(dir, HEAP, "digitize", inputs.toString(),
        "--data", data.toString(), "--workers", "2", "--json");

    assertTrue(Duration.between(started, Instant.now()).toMinutes() < 3, "bounded in time");
    assertEquals(1, run.exitCode(), run.err());
    JsonNode summary = new ObjectMapper().readTree(run.out());
    Map<String, JsonNode> byName = new HashMap<>();
    summary.get("documents").forEach(d -> byName.put(Path.of(d.get("source").asText())
        .getFileName().toString(), d));
    for (Map.Entry<String, String> refused : REFUSED.entrySet()) {
      JsonNode item = byName.get(refused.getKey());
      assertEquals(refused.getValue(), item.get("error").asText(), refused.getKey() + ": " + item);
      Path kept = Path.of(item.get("quarantine").asText());
      assertEquals(Files.size(inputs.resolve(refused.getKey())), Files.size(kept),
          refused.getKey() + " kept byte for byte");
      assertTrue(Files.readString(Path.of(kept + ".error.txt")).contains("reason:  "
          + item.get("reason").asText()), refused.getKey());
    }
    for (String bomb : List.of("bom-giai-nen.pdf", "bom-bang-xref.pdf",
        "bom-luong-doi-tuong.pdf")) {
      assertEquals("a stream in the PDF inflates to more than 64 MB (a decompression bomb, or a"
          + " badly broken file)", byName.get(bomb).get("reason").asText(), bomb);
    }
    assertEquals("the PDF has 20000 pages; the limit is 5000",
        byName.get("hai-muoi-nghin-trang.pdf").get("reason").asText());
    assertEquals("{\"maxPixels\":150000000,\"maxPages\":5000,\"maxBytes\":1073741824,"
        + "\"maxSeconds\":3600}", summary.get("limits").toString(), "the limits are reported");
    for (String name : TAKEN) {
      String status = byName.get(name).get("status").asText();
      assertTrue(status.equals("done") || status.equals("reused"), name + ": " + status);
    }
    assertEquals(REFUSED.size() + TAKEN.size(), byName.size(), byName.keySet().toString());
    assertTrue(run.err().contains("lien-ket.png: a symbolic link inside an input folder is not"
        + " followed"), run.err());
    assertTrue(run.err().contains("..an.png: hidden"), run.err());
    assertTrue(run.err().contains("xuong\\ndong.png"), "a newline in a name cannot forge a line");
    assertTrue(!run.err().contains("xuong\ndong"), run.err());
  }

  @Test
  void signAndVerify_hostileInputs_giveTheirReason_neverACrash() throws Exception {
    Path pki = dir.resolve("pki");
    int port = FreePorts.next();
    assertEquals(0, SohoaCli.run("pki", "init", pki.toString(), "--port",
        String.valueOf(port)).exitCode());
    Map<String, String> expected = Map.of(
        "long-sau.pdf", "nested too deeply to read",
        "anh-png-duoi-pdf.pdf", "PDF header not found",
        "cat-ngang.pdf", "Trailer not found",
        "vong-lap.pdf", "Invalid page structure",
        "bom-bang-xref.pdf", "inflates to more than 64 MB",
        "bom-luong-doi-tuong.pdf", "inflates to more than 64 MB",
        "the-tiff-vo-ly.tif", "PDF header not found");
    for (Map.Entry<String, String> input : expected.entrySet()) {
      Path file = inputs.resolve(input.getKey());
      // The bombs in a process with a small heap, as an officer's sohoa meets them; the others
      // in this JVM, where a crash would show as a thrown error.
      boolean bomb = BOMBS.contains(input.getKey());
      SohoaProcess.Result verified = run(bomb, "verify", file.toString(), "--offline");
      assertEquals(3, verified.exitCode(), input.getKey() + ": " + verified.err());
      assertTrue(verified.out().startsWith("INVALID  the file "), input.getKey() + ": "
          + verified.out());
      assertTrue(!verified.err().contains("Exception in thread")
          && !verified.err().contains("unexpected failure"), verified.err());
      SohoaProcess.Result signed = run(bomb, "sign", file.toString(), "-o",
          dir.resolve("ky.pdf").toString(), "--identity", pki.resolve("officer.p12").toString(),
          "--password-file", pki.resolve("password").toString(), "--level", "B-B");
      assertEquals(1, signed.exitCode(), input.getKey() + ": " + signed.err());
      assertTrue(signed.err().contains("sohoa: cannot sign as ")
          && signed.err().contains(input.getValue()), input.getKey() + ": " + signed.err());
      assertTrue(!signed.err().contains("unexpected failure")
          && !signed.err().contains("Exception in thread"), signed.err());
    }
    // The rest of the corpus (no bombs: those ran above in a small heap): each gets a verdict
    // or a reason, never a crash; run in this JVM, where a crash would show as a thrown error.
    List<String> everyOther = new ArrayList<>(REFUSED.keySet());
    everyOther.addAll(TAKEN);
    everyOther.removeAll(expected.keySet());
    for (String name : everyOther) {
      Path file = inputs.resolve(name);
      SohoaProcess.Result verified = SohoaCli.run("verify", file.toString(), "--offline");
      assertEquals(3, verified.exitCode(), name + ": " + verified.out() + verified.err());
      assertTrue(verified.out().startsWith("INVALID  the file "), name + ": " + verified.out());
      SohoaProcess.Result signed = SohoaCli.run("sign", file.toString(), "-o",
          dir.resolve("ky.pdf").toString(), "--identity", pki.resolve("officer.p12").toString(),
          "--password-file", pki.resolve("password").toString(), "--level", "B-B");
      assertTrue(signed.exitCode() == 0 || signed.err().contains("sohoa: cannot sign as "),
          name + ": " + signed.err());
      for (SohoaProcess.Result run : List.of(verified, signed)) {
        assertTrue(!run.err().contains("unexpected failure")
            && !run.err().contains("Exception in thread"), name + ": " + run.err());
      }
    }
    SohoaProcess.Result protectedPdf = SohoaCli.run("sign",
        inputs.resolve("mat-khau-chu-so-huu.pdf").toString(), "-o",
        dir.resolve("ky.pdf").toString(), "--identity", pki.resolve("officer.p12").toString(),
        "--password-file", pki.resolve("password").toString(), "--level", "B-B");
    assertTrue(protectedPdf.err().contains("the PDF is protected by a password, and signing"
        + " changes it"), protectedPdf.err());
  }

  /** sohoa {@code args}: as a process in a small heap, or in this JVM. */
  private static SohoaProcess.Result run(boolean inASmallHeap, String... args) throws Exception {
    return inASmallHeap ? SohoaProcess.run(dir, HEAP, args) : SohoaCli.run(args);
  }

  @Test
  void digitize_activeContent_neverReachesThePdfa() throws Exception {
    Path data = dir.resolve("data-active");

    SohoaProcess.Result run = SohoaCli.run("digitize",
        inputs.resolve("co-ma-javascript.pdf").toString(),
        inputs.resolve("pdf-kiem-zip.pdf").toString(), "--data", data.toString(), "--json");

    assertEquals(0, run.exitCode(), run.err());
    JsonNode summary = new ObjectMapper().readTree(run.out());
    for (JsonNode document : summary.get("documents")) {
      Path pdfa = data.resolve("store/documents/" + document.get("documentId").asText()
          + "/pdfa.pdf");
      try (PDDocument pdf = Loader.loadPDF(pdfa.toFile())) {
        assertEquals(null, pdf.getDocumentCatalog().getOpenAction(), pdfa.toString());
        assertEquals(null, pdf.getDocumentCatalog().getNames(), "no embedded files");
        assertEquals(null, pdf.getPage(0).getActions().getCOSObject().getItem("O"));
        assertTrue(pdf.getPage(0).getAnnotations().isEmpty());
      }
      String bytes = new String(Files.readAllBytes(pdfa), StandardCharsets.ISO_8859_1);
      assertTrue(!bytes.contains("PK\u0003\u0004"), "the appended ZIP is not carried over");
    }
  }

  @Test
  void digitize_documentOverItsTimeLimit_isStoppedAndReported_andTheBatchGoesOn()
      throws Exception {
    // A one-page document takes about 1 s alone; the limit leaves room for the CI's load and for
    // the stopped document's last page, which finishes in the engine while the next one starts.
    // Sixty pages stay far over it: a register book, bilevel as offices scan them (CCITT G4,
    // written in a fifth of the time sixty grey LZW pages take).
    Path slow = dir.resolve("cham");
    Files.createDirectories(slow);
    ScanFiles.tiff(Collections.nCopies(60, ScanRenderer.bilevel(page)), 200,
        slow.resolve("so-dang-ky.tif"));
    ScanFiles.jpeg(page, 200, 0.9f, slow.resolve("thong-bao.jpg"));
    Path data = dir.resolve("data-slow");

    SohoaProcess.Result run = SohoaProcess.run(dir, HEAP, "digitize", slow.toString(),
        "--data", data.toString(), "--workers", "1", "--max-seconds", "8", "--json");

    assertEquals(1, run.exitCode(), run.err());
    JsonNode summary = new ObjectMapper().readTree(run.out());
    Map<String, JsonNode> byName = new HashMap<>();
    summary.get("documents").forEach(d -> byName.put(Path.of(d.get("source").asText())
        .getFileName().toString(), d));
    JsonNode stopped = byName.get("so-dang-ky.tif");
    assertEquals("time-limit", stopped.get("error").asText(), stopped.toString());
    assertTrue(stopped.get("reason").asText().startsWith(
        "the document took longer than its limit of 8 s ("), stopped.toString());
    assertEquals("done", byName.get("thong-bao.jpg").get("status").asText());
  }
}
