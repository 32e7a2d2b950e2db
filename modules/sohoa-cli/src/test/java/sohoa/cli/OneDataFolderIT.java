package sohoa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohoa.testkit.fixtures.Fixtures;
import sohoa.testkit.fixtures.ScanDefects;
import sohoa.testkit.fixtures.ScanFiles;
import sohoa.testkit.net.FreePorts;
import sohoa.testkit.ocr.ScriptedEngine;

/**
 * One office, one data folder, many hands: while {@code sohoa serve --certify} answers on the
 * embedded catalog (and anchors the audit log every two seconds), the night batch, the keys and
 * officers commands, search, four officers certifying at once and the register export all work on
 * the same folder. The register has no gaps, and what they did is what the server serves. The
 * four officers are four sohoa processes; the other commands run in this test's JVM, which is
 * another process than the server's all the same.
 */
@Order(Lanes.BACK)
class OneDataFolderIT {
  private static final int CERTIFYING = 4;

  @TempDir Path dir;

  @Test
  void serveAndEveryOtherCommand_shareTheEmbeddedDataFolder_andTheRegisterHasNoGaps()
      throws Exception {
    Path data = dir.resolve("data");
    int pkiPort = FreePorts.next();
    assertEquals(0, SohoaCli.run("pki", "init", data.resolve("pki").toString(),
        "--port", String.valueOf(pkiPort)).exitCode());
    Path scan = dir.resolve("thong-bao.png");
    Fixtures.Rendered notice = Fixtures.render(Fixtures.NOTICE, 200, ScanDefects.NONE);
    ScanFiles.png(notice.pages().get(0), 200, scan);
    int port = FreePorts.next();
    SohoaProcess.Running serve = SohoaProcess.start(dir, Map.of(), "serve", "--certify",
        "--port", String.valueOf(port), "--audit-checkpoint-seconds", "2", "--data",
        data.toString());
    Path checkpoints = data.resolve("store/audit/checkpoints");
    List<String> numbers = new ArrayList<>();
    String document;
    try {
      serve.awaitServing(port);
      assertCatalogServedOnTheLoopbackOnly(data.resolve("catalog/sohoa.lock.db"));

      SohoaProcess.Result digitised = SohoaCli.run(ScriptedEngine.reading(notice), Map.of(),
          "digitize", scan.toString(), "--data", data.toString(), "--json");
      assertEquals(0, digitised.exitCode(), digitised.err());
      document = new ObjectMapper().readTree(digitised.out()).get("documents").get(0)
          .get("documentId").asText();
      SohoaProcess.Result key = SohoaCli.run("keys", "create", "--role", "reader", "--data",
          data.toString());
      assertEquals(0, key.exitCode(), key.err());
      SohoaProcess.Result officer = SohoaCli.run(Map.of("SOHOA_NEW_PASSWORD",
          "mat-khau-dai-du-16"), "officers", "add", "lan", "--name", "Nguyễn Thị Lan", "--title",
          "Công chức Tư pháp - Hộ tịch", "--password-env", "SOHOA_NEW_PASSWORD", "--data",
          data.toString());
      assertEquals(0, officer.exitCode(), officer.err());
      SohoaProcess.Result found = SohoaCli.run("search", "thong bao", "--data",
          data.toString());
      assertEquals(0, found.exitCode(), found.err());
      assertTrue(found.out().contains(document), found.out());

      ExecutorService officers = Executors.newFixedThreadPool(CERTIFYING);
      try {
        List<Future<SohoaProcess.Result>> certifying = new ArrayList<>();
        for (int i = 1; i <= CERTIFYING; i++) {
          Path copy = dir.resolve("ban-sao-" + i + ".pdf");
          certifying.add(officers.submit(() -> SohoaProcess.run(dir, "certify", document, "-o",
              copy.toString(), "--data", data.toString(), "--base-url",
              "https://chungthuc.test")));
        }
        for (Future<SohoaProcess.Result> each : certifying) {
          assertEquals(0, each.get().exitCode(), each.get().err());
        }
      } finally {
        officers.shutdownNow();
      }

      int year = Year.now(ZoneId.of("Asia/Ho_Chi_Minh")).getValue();
      Path csv = dir.resolve("so-chung-thuc.csv");
      SohoaProcess.Result export = SohoaCli.run("register", "export", "--data",
          data.toString(), "--year", String.valueOf(year), "-o", csv.toString());
      assertEquals(0, export.exitCode(), export.err());
      for (String line : Files.readAllLines(csv, StandardCharsets.UTF_8).subList(1,
          CERTIFYING + 1)) {
        numbers.add(line.substring(0, line.indexOf(',')));
      }
      HttpResponse<String> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/api/v1/documents/" + document))
          .header("Authorization", "Bearer " + key.out().strip()).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, served.statusCode(), "the server serves what another process"
          + " digitised, with the key a third made: " + served.body());
      for (int i = 0; i < 240 && count(checkpoints) < 2; i++) {
        Thread.sleep(250);
      }
      assertTrue(serve.process().isAlive(), serve.errSoFar());
    } finally {
      serve.terminate();
    }

    assertEquals(List.of("1", "2", "3", "4"), numbers, "numbered without gaps or repeats");
    assertTrue(count(checkpoints) >= 2, "two checkpoints within a minute: "
        + serve.errSoFar());
    assertTrue(serve.errSoFar().contains("audit log anchored at entry"), serve.errSoFar());
    SohoaProcess.Result verified = SohoaCli.run("audit", "verify", "--data",
        data.toString());
    assertEquals(0, verified.exitCode(), verified.out() + verified.err());
    assertTrue(verified.out().contains("latest checkpoint: entry"), verified.out());
    // serve, and every command beside it, under the test's umask (022).
    OwnerOnly.assertEverythingIn(data);
  }

  /**
   * The holder of the embedded catalog serves it to the other processes on the port its lock file
   * names: on the loopback, never on the machine's network addresses.
   */
  private static void assertCatalogServedOnTheLoopbackOnly(Path lock) throws Exception {
    Matcher server = Pattern.compile("server=localhost\\\\?:(\\d+)").matcher(
        Files.readString(lock, StandardCharsets.ISO_8859_1));
    assertTrue(server.find(), "the lock file names the catalog's port");
    int port = Integer.parseInt(server.group(1));
    try (Socket loopback = new Socket("127.0.0.1", port)) {
      assertTrue(loopback.isConnected());
    }
    List<InetAddress> network = NetworkInterface.networkInterfaces()
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).toList();
    assertFalse(network.isEmpty(), "this machine has a network address to try");
    for (InetAddress address : network) {
      try (Socket outside = new Socket()) {
        outside.connect(new InetSocketAddress(address, port), 1000);
        throw new AssertionError("the catalog answers on " + address + ":" + port);
      } catch (ConnectException refused) {
        // Refused: nothing listens there.
      }
    }
  }

  private static long count(Path folder) throws Exception {
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".pdf")).count();
    }
  }
}
