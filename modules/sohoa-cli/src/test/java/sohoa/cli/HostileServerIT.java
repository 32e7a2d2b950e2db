package sohoa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohoa.testkit.fixtures.FlateBombs;
import sohoa.testkit.fixtures.Fixtures;
import sohoa.testkit.fixtures.Mutants;
import sohoa.testkit.fixtures.ScanDefects;
import sohoa.testkit.fixtures.ScanFiles;
import sohoa.testkit.net.FreePorts;
import sohoa.testkit.ocr.ScriptedEngine;

/**
 * One request must never take the server down. {@code sohoa serve} runs with a 512 MiB heap, as
 * it would behind an office's reverse proxy, and is sent what an attacker or a broken scanner
 * sends: twenty decompression bombs all at once (cross-reference, object and content streams
 * inflating from 80 MB to 4 GB), and seeded {@link Mutants} of good scans of every kind.
 * Each upload is taken (202) and ends as a document or a failed job with its reason; throughout,
 * health, search and a download answer within a second; the process is still serving at the end.
 */
class HostileServerIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int BOMBS = 20;
  /** Enough mutants of each kind to reach every parser; each that reads is also OCR'd. */
  private static final int MUTANTS = Integer.getInteger("sohoa.fuzz.uploads", 48);
  private static final long SEED = Long.getLong("sohoa.fuzz.seed", 20261202L);
  private static final Duration PROMPT = Duration.ofSeconds(1);

  @TempDir static Path dir;
  private static SohoaProcess.Running serve;
  private static HttpClient http;
  private static String base;
  private static String bearer;
  private static String document;

  @BeforeAll
  static void start() throws Exception {
    Path data = dir.resolve("data");
    Path scan = dir.resolve("thong-bao.png");
    Fixtures.Rendered notice = Fixtures.render(Fixtures.NOTICE, 200, ScanDefects.NONE);
    ScanFiles.png(notice.pages().get(0), 200, scan);
    // The document and the key the attacked server is asked for are made in this JVM, the
    // notice read as printed: this class runs alone, so each process or real reading here
    // would add to the suite's time, and what it tests is the server, a process of its own.
    SohoaProcess.Result digitised = SohoaCli.run(ScriptedEngine.reading(notice), Map.of(),
        "digitize", scan.toString(), "--data", data.toString(), "--json");
    assertEquals(0, digitised.exitCode(), digitised.err());
    document = JSON.readTree(digitised.out()).get("documents").get(0)
        .get("documentId").asText();
    SohoaProcess.Result key = SohoaCli.run("keys", "create", "--role", "officer", "--data",
        data.toString());
    assertEquals(0, key.exitCode(), key.err());
    bearer = key.out().strip();
    int port = FreePorts.next();
    serve = SohoaProcess.start(dir, Map.of("SOHOA_JAVA_OPTS", "-Xmx512m"), "serve", "--port",
        String.valueOf(port), "--data", data.toString(), "--max-queued-uploads",
        String.valueOf(Math.max(BOMBS, MUTANTS)));
    http = HttpClient.newBuilder().connectTimeout(PROMPT).build();
    base = "http://127.0.0.1:" + port;
    serve.awaitServing(port);
  }

  @AfterAll
  static void stop() throws Exception {
    if (serve != null) {
      serve.terminate();
    }
  }

  @Test
  void serve_twentyBombsAtOnce_eachRefusedWithTheLimit_whileItKeepsAnsweringWithinASecond()
      throws Exception {
    // Each place a PDF inflates a stream, from just over the limit to gigabytes.
    List<Path> kinds = new ArrayList<>();
    for (long megabytes : List.of(80L, 512L, 4096L)) {
      kinds.add(FlateBombs.xrefStreamBomb(dir.resolve("bom-xref-" + megabytes + ".pdf"),
          megabytes));
      kinds.add(FlateBombs.objectStreamBomb(dir.resolve("bom-doi-tuong-" + megabytes
          + ".pdf"), megabytes));
      kinds.add(FlateBombs.streamBomb(dir.resolve("bom-noi-dung-" + megabytes + ".pdf"),
          (int) Math.min(megabytes, 2048)));
    }
    List<byte[]> bombs = new ArrayList<>();
    for (int i = 0; i < BOMBS; i++) {
      bombs.add(Files.readAllBytes(kinds.get(i % kinds.size())));
    }

    List<Map<String, String>> documents = postAllAtOnce(bombs, "bom.pdf");

    for (Map<String, String> outcome : documents) {
      assertEquals("failed", outcome.get("status"), outcome.toString());
      assertTrue(outcome.get("error").contains("a stream in the PDF inflates to more than 64 MB"),
          outcome.toString());
    }
  }

  @Test
  void serve_mutatedScansOfEveryKind_areDigitisedOrRefusedWithAReason_neverA5xx()
      throws Exception {
    System.out.println("upload fuzz: seed " + SEED + ", " + MUTANTS + " mutants");
    List<byte[]> seeds = Mutants.seeds(dir.resolve("seeds"));
    Random random = new Random(SEED);
    List<byte[]> mutants = new ArrayList<>();
    for (int i = 0; i < MUTANTS; i++) {
      mutants.add(Mutants.mutate(seeds.get(i % seeds.size()), random));
    }

    List<Map<String, String>> documents = postAllAtOnce(mutants, "ban-quet");

    Map<String, Integer> reasons = new TreeMap<>();
    for (Map<String, String> outcome : documents) {
      if (outcome.get("status").equals("failed")) {
        reasons.merge(outcome.get("error").replaceAll("^[^:]*: ", "").replaceAll("[.;(].*", ""),
            1, Integer::sum);
        assertFalse(outcome.get("error").isBlank(), "a refusal names its reason: " + outcome);
        // A library that fails on a file is that file's failure, but it is not a reason an
        // officer can act on: every mutant must be refused by a named check.
        assertFalse(outcome.get("error").startsWith("sohoa failed on this file"),
            "seed " + SEED + ": " + outcome);
        assertFalse(outcome.get("error").matches("(?s).*\\b(null|Exception)\\b.*"),
            "a reason in words, not a library's internals: " + outcome);
      }
    }
    int refused = reasons.values().stream().mapToInt(Integer::intValue).sum();
    System.out.printf("upload fuzz: %d mutants, %d refused: %s%n", MUTANTS, refused, reasons);
    assertEquals(MUTANTS, documents.size());
    assertTrue(refused > 0 && refused < MUTANTS, "mutants both read and refused: " + refused);
  }

  /**
   * Posts every body at once and waits for every job, checking all along that the server answers
   * health, search and a download within a second; the outcome of each body's one input.
   */
  private static List<Map<String, String>> postAllAtOnce(List<byte[]> bodies, String name)
      throws Exception {
    ExecutorService senders = Executors.newFixedThreadPool(Math.min(bodies.size(), 20));
    try {
      List<Future<HttpResponse<String>>> posted = new ArrayList<>();
      for (byte[] body : bodies) {
        posted.add(senders.submit(() -> http.send(HttpRequest.newBuilder(
                URI.create(base + "/api/v1/documents?name=" + name))
            .header("Authorization", "Bearer " + bearer)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
            HttpResponse.BodyHandlers.ofString())));
      }
      List<String> jobs = new ArrayList<>();
      List<Map<String, String>> outcomes = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while (jobs.size() < bodies.size() || !allFinished(jobs, outcomes)) {
        assertTrue(System.nanoTime() < deadline, bodies.size() + " uploads not done in 5"
            + " minutes: " + jobs);
        assertPrompt();
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
      assertTrue(serve.process().isAlive(), serve.errSoFar());
      return outcomes;
    } finally {
      senders.shutdownNow();
    }
  }

  /** Health, a search and a download each answer 200 within {@link #PROMPT}. */
  private static void assertPrompt() throws Exception {
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
  }

  /** Whether every job has finished; the outcome of each one's input, when they have. */
  private static boolean allFinished(List<String> jobs, List<Map<String, String>> outcomes)
      throws Exception {
    outcomes.clear();
    for (String job : jobs) {
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + job))
          .header("Authorization", "Bearer " + bearer).build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, answer.statusCode(), answer.body());
      JsonNode state = JSON.readTree(answer.body());
      if (!state.get("state").asText().equals("finished")) {
        return false;
      }
      assertEquals(1, state.get("documents").size(), answer.body());
      outcomes.add(JSON.convertValue(state.get("documents").get(0),
          new TypeReference<Map<String, String>>() {}));
    }
    return true;
  }
}
