package sohoa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohoa.testkit.fixtures.Fixtures;
import sohoa.testkit.fixtures.ScanDefects;
import sohoa.testkit.fixtures.ScanFiles;
import sohoa.testkit.net.FreePorts;
import sohoa.testkit.ocr.ScriptedEngine;
import sohoa.testkit.pdf.Poppler;

/** {@code sohoa certify}, {@code verify} and {@code register export} as an officer runs them. */
class CertifyCommandIT {
  @TempDir Path dir;

  @Test
  void certify_scanThenItsIdAgain_verifyReportsTheCopy_andTheRegisterListsBoth()
      throws Exception {
    Path data = dir.resolve("data");
    int port = FreePorts.next();
    // The development PKI on a free port: certify serves its TSA and OCSP there itself.
    assertEquals(0, SohoaCli.run("pki", "init", data.resolve("pki").toString(),
        "--port", String.valueOf(port)).exitCode());
    Path scan = dir.resolve("giay-khai-sinh.pdf");
    Fixtures.Rendered notice = Fixtures.render(Fixtures.NOTICE, 300, ScanDefects.NONE);
    ScanFiles.scannedPdf(List.of(notice.pages().get(0)), 300, scan);
    Path first = dir.resolve("ban-sao-1.pdf");
    Path second = dir.resolve("ban-sao-2.pdf");
    // The lời chứng names the officer and the agency as their certificates do.
    List<String> officer = List.of("--data", data.toString(),
        "--base-url", "https://chungthuc.test");

    SohoaProcess.Result issued = SohoaCli.run(ScriptedEngine.reading(notice), Map.of(),
        args("certify", scan.toString(), "-o", first.toString(), officer));
    assertEquals(0, issued.exitCode(), issued.err());
    assertTrue(issued.out().contains("Số chứng thực 1"), issued.out());
    assertTrue(issued.err().contains("UNTRUSTED"), issued.err());
    String id = originalId(first);
    SohoaProcess.Result again = SohoaCli.run(args("certify", id, "-o",
        second.toString(), officer));
    assertEquals(0, again.exitCode(), again.err());
    assertTrue(again.out().contains("Số chứng thực 2"), again.out());

    SohoaProcess.Result verified = SohoaCli.run("verify", second.toString(), "--trust",
        data.resolve("pki/root-ca.pem").toString(), "--offline");
    assertEquals(0, verified.exitCode(), verified.out());
    assertTrue(verified.out().contains("Số chứng thực 2, Quyển số 01/"), verified.out());
    assertTrue(verified.out().contains("original document  " + id), verified.out());
    assertTrue(verified.out().contains("matches the original's bytes"), verified.out());
    assertTrue(verified.out().contains("officer's VALID, agency's VALID"), verified.out());
    assertTrue(verified.out().contains("officer's certificate  Nguyễn Thị Hoa (the lời chứng"
        + " names the same)"), verified.out());
    String pdfsig = Poppler.pdfsig(second);
    assertEquals(2, pdfsig.split("Signature is Valid", -1).length - 1, pdfsig);

    byte[] bytes = Files.readAllBytes(second);
    bytes[300] ^= 0x01;
    Path tampered = Files.write(dir.resolve("ban-sao-sua.pdf"), bytes);
    assertEquals(3, SohoaCli.run("verify", tampered.toString(), "--trust",
        data.resolve("pki/root-ca.pem").toString(), "--offline").exitCode());

    Path csv = dir.resolve("so-chung-thuc.csv");
    int year = Year.now(ZoneId.of("Asia/Ho_Chi_Minh")).getValue();
    SohoaProcess.Result export = SohoaCli.run("register", "export", "--data",
        data.toString(), "--year", String.valueOf(year), "-o", csv.toString());
    assertEquals(0, export.exitCode(), export.err());
    SohoaProcess.Result otherOffice = SohoaCli.run("register", "export", "--data",
        data.toString(), "--year", String.valueOf(year), "--office", "ben-nghe");
    assertEquals(2, otherOffice.exitCode(), "one deployment, one office: " + otherOffice.err());
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    assertEquals(3, lines.size(), lines.toString());
    assertTrue(lines.get(1).startsWith("1,01/" + year + "-SCT/BS,Đã cấp,"), lines.get(1));
    assertTrue(lines.get(2).startsWith("2,01/" + year + "-SCT/BS,Đã cấp,"), lines.get(2));
    assertTrue(lines.get(2).contains(id) && lines.get(2).contains("Nguyễn Thị Hoa"), lines.get(2));

    SohoaProcess.Result checkpoint = SohoaCli.run("audit", "checkpoint", "--data",
        data.toString());
    assertEquals(0, checkpoint.exitCode(), checkpoint.out() + checkpoint.err());
    assertTrue(checkpoint.out().contains("stored as audit/checkpoints/"), checkpoint.out());
    SohoaProcess.Result audit = SohoaCli.run("audit", "verify", "--data",
        data.toString());
    assertEquals(0, audit.exitCode(), audit.out() + audit.err());
    assertTrue(audit.out().contains("latest checkpoint: entry "), audit.out());
    SohoaProcess.Result exported = SohoaCli.run("audit", "export", "--data",
        data.toString(), "--from", year + "-01-01", "--to", year + "-12-31");
    assertEquals(2, exported.out().lines().filter(l -> l.contains("\"action\":\"certify\""))
        .count(), exported.out());
    // pki init, certify and the audit commands, run under the test's umask (022).
    OwnerOnly.assertEverythingIn(data);
  }

  @Test
  void certify_developmentPkiPortHeldByAnotherProgram_isRefusedNamingThePort() throws Exception {
    Path data = dir.resolve("data");
    // Another program on the port the development PKI's certificates name, answering anything
    // as an S3 server or a web server would: it must not be taken for sohoa's timestamp service.
    HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
        FreePorts.next()), 0);
    other.createContext("/", exchange -> {
      exchange.sendResponseHeaders(400, -1);
      exchange.close();
    });
    other.start();
    try {
      int port = other.getAddress().getPort();
      assertEquals(0, SohoaCli.run("pki", "init", data.resolve("pki").toString(), "--port",
          String.valueOf(port)).exitCode());
      Path scan = dir.resolve("giay-khai-sinh.png");
      Fixtures.Rendered notice = Fixtures.render(Fixtures.NOTICE, 150, ScanDefects.NONE);
      ScanFiles.png(notice.pages().get(0), 150, scan);
      Path copy = dir.resolve("ban-sao.pdf");

      SohoaProcess.Result refused = SohoaCli.run(ScriptedEngine.reading(notice), Map.of(),
          args("certify", scan.toString(), "-o", copy.toString(), List.of("--data",
              data.toString(), "--base-url", "https://chungthuc.test")));

      assertEquals(2, refused.exitCode(), refused.err());
      assertTrue(refused.err().contains("port " + port + ", where the development PKI in "
          + data.resolve("pki") + " has its timestamp authority, is held by another program"),
          refused.err());
      assertFalse(Files.exists(copy), "no copy is issued");
    } finally {
      other.stop(0);
    }
  }

  private static String[] args(String command, String input, String o, String output,
      List<String> rest) {
    List<String> all = new ArrayList<>(List.of(command, input, o, output));
    all.addAll(rest);
    return all.toArray(new String[0]);
  }

  /** The original's id, as the verification of {@code copy} reports it. */
  private String originalId(Path copy) throws Exception {
    SohoaProcess.Result verified = SohoaCli.run("verify", copy.toString(), "--offline",
        "--json");
    String json = verified.out();
    int at = json.indexOf("\"originalId\" : \"") + 16;
    return json.substring(at, at + 32);
  }
}
