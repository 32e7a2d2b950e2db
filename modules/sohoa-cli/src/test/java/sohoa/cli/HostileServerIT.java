package sohoa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohoa.testkit.fixtures.Fixtures;
import sohoa.testkit.fixtures.HostileFiles;
import sohoa.testkit.fixtures.ScanDefects;
import sohoa.testkit.fixtures.ScanFiles;

/**
 * One request must never take the server down: twenty decompression bombs (cross-reference
 * streams of 4 MB inflating to 4 GB, content streams of 2 MB inflating to 2 GB) posted at once to
 * {@code sohoa serve} with a 512 MiB heap. Each becomes a failed job naming the limit; throughout,
 * health, search and a download answer within a second; the process is still serving at the end.
 */
class BombedServerIT {
  private static final int BOMBS = 20;
  private static final Duration PROMPT = Duration.ofSeconds(1);

  @TempDir Path dir;

  @Test
  void serve_twentyBombsAtOnce_eachRefusedWithTheLimit_whileItKeepsAnsweringWithinASecond()
      throws Exception {
    Path data = dir.resolve("data");
    Path scan = dir.resolve("thong-bao.png");
    ScanFiles.png(Fixtures.render(Fixtures.NOTICE, 200, ScanDefects.NONE).pages().get(0), 200,
        scan);
    SohoaProcess.Result digitised = SohoaProcess.run(dir, "digitize", scan.toString(), "--data",
        data.toString(), "--json");
    assertEquals(0, digitised.exitCode(), digitised.err());
    String document = new ObjectMapper().readTree(digitised.out()).get("documents").get(0)
        .get("documentId").asText();
    SohoaProcess.Result key = SohoaProcess.run(dir, "keys", "create", "--role", "officer",
        "--data", data.toString());
    assertEquals(0, key.exitCode(), key.err());
    String bearer = key.out().strip();
    Path xref = HostileFiles.xrefStreamBomb(dir.resolve("bom-xref.pdf"), 4096);
    Path content = HostileFiles.streamBomb(dir.resolve("bom-noi-dung.pdf"), 2048);
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    SohoaProcess.Running serve = SohoaProcess.start(dir, Map.of("SOHOA_JAVA_OPTS", "-Xmx512m"),
        "serve", "--port", String.valueOf(port), "--data", data.toString(),
        "--max-queued-uploads", String.valueOf(BOMBS));
    HttpClient http = HttpClient.newBuilder().connectTimeout(PROMPT).build();
    String base = "http://127.0.0.1:" + port;
    ExecutorService senders = Executors.newFixedThreadPool(BOMBS);
    try {
      waitUntilServing(http, base, serve);
      List<Future<HttpResponse<String>>> posted = new ArrayList<>();
      for (int i = 0; i < BOMBS; i++) {
        Path bomb = i % 2 == 0 ? xref : content;
        posted.add(senders.submit(() -> http.send(HttpRequest.newBuilder(
                URI.create(base + "/api/v1/documents?name=bom.pdf"))
            .header("Authorization", "Bearer " + bearer)
            .POST(HttpRequest.BodyPublishers.ofFile(bomb)).build(),
            HttpResponse.BodyHandlers.ofString())));
      }
      List<String> jobs = new ArrayList<>();
      List<String> answers = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while (jobs.size() < BOMBS || !allFinished(http, base, bearer, jobs, answers)) {
        assertTrue(System.nanoTime() < deadline, "20 bombs not done in 5 minutes: " + jobs);
        for (String path : List.of("/health", "/api/v1/documents?q=thong%20bao",
            "/api/v1/documents/" + document + "/content?variant=pdfa")) {
          long started = System.nanoTime();
          HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(URI.create(base + path))
              .header("Authorization", "Bearer " + bearer).timeout(PROMPT).build(),
              HttpResponse.BodyHandlers.ofByteArray());
          Duration took = Duration.ofNanos(System.nanoTime() - started);
          assertEquals(200, answer.statusCode(), path);
          assertTrue(took.compareTo(PROMPT) < 0, path + " took " + took.toMillis() + " ms");
        }
        jobs.clear();
        for (Future<HttpResponse<String>> post : posted) {
          if (post.isDone()) {
            assertEquals(202, post.get().statusCode(), post.get().body());
            jobs.add(post.get().headers().firstValue("Location").orElseThrow());
          }
        }
        assertTrue(serve.process().isAlive(), "the server died: " + serve.errSoFar());
        Thread.sleep(200);
      }
      for (String answer : answers) {
        assertTrue(answer.contains("\"status\" : \"failed\"")
            && answer.contains("a stream in the PDF inflates to more than 64 MB"), answer);
      }
      assertTrue(serve.process().isAlive(), serve.errSoFar());
    } finally {
      senders.shutdownNow();
      serve.terminate();
    }
  }

  private static void waitUntilServing(HttpClient http, String base,
      SohoaProcess.Running serve) throws Exception {
    for (int i = 0; i < 240; i++) {
      try {
        if (http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
          return;
        }
      } catch (java.io.IOException notYet) {
        Thread.sleep(250);
      }
    }
    throw new AssertionError("sohoa serve did not start: " + serve.errSoFar());
  }

  /** Whether every job has finished; their states, when they have. */
  private static boolean allFinished(HttpClient http, String base, String bearer,
      List<String> jobs, List<String> states) throws Exception {
    states.clear();
    for (String job : jobs) {
      String state = http.send(HttpRequest.newBuilder(URI.create(base + job))
          .header("Authorization", "Bearer " + bearer).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      if (!state.contains("\"state\" : \"finished\"")) {
        return false;
      }
      states.add(state);
    }
    return true;
  }
}
