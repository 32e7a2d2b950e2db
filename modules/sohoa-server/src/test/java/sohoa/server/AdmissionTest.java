package sohoa.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohoa.catalog.ApiKey;
import sohoa.certify.Originals;
import sohoa.console.ConsoleServices;
import sohoa.pipeline.Sohoa;
import sohoa.testkit.fixtures.Fixtures;
import sohoa.testkit.fixtures.ScanDefects;
import sohoa.testkit.fixtures.ScanFiles;

/**
 * Uploads beyond what may wait are refused before their bytes are read, with Retry-After; the
 * server goes on answering, and takes uploads again once the queue has room.
 */
class AdmissionTest {
  @TempDir Path dir;

  @Test
  void upload_beyondTheQueue_is503WithRetryAfter_andTakenOnceThereIsRoom() throws Exception {
    Path scan = dir.resolve("thong-bao.png");
    ScanFiles.png(Fixtures.render(Fixtures.NOTICE, 200, ScanDefects.NONE).pages().get(0), 200,
        scan);
    try (Sohoa sohoa = Originals.deployment(dir.resolve("data"))) {
      String officer = sohoa.catalog().apiKeys().create(ApiKey.Role.OFFICER, Optional.empty(),
          "máy quét", Instant.now()).secretText();
      try (SohoaServer server = SohoaServer.start(new Backend(sohoa.catalog(), sohoa.store(),
          Optional.empty(), Optional.of(sohoa), dir.resolve("data/work")),
          new ServerSettings("127.0.0.1", 0, 8 << 20, List.of(), "ben-nghe",
              ConsoleServices.Tokens.none(), 1))) {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest upload = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + server.port() + "/api/v1/documents?name=thong-bao.png"))
            .header("Authorization", "Bearer " + officer)
            .POST(HttpRequest.BodyPublishers.ofFile(scan)).build();

        HttpResponse<String> first = http.send(upload, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> second = http.send(upload, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(
            "http://127.0.0.1:" + server.port() + "/health")).build(),
            HttpResponse.BodyHandlers.ofString());

        assertEquals(202, first.statusCode(), first.body());
        assertEquals(503, second.statusCode(), second.body());
        assertEquals(Optional.of("30"), second.headers().firstValue("Retry-After"));
        assertTrue(second.body().contains("the server has 1 scans waiting to be digitised"),
            second.body());
        assertEquals(200, health.statusCode());
        HttpResponse<String> later = second;
        for (int i = 0; i < 120 && later.statusCode() == 503; i++) {
          Thread.sleep(500);
          later = http.send(upload, HttpResponse.BodyHandlers.ofString());
        }
        assertEquals(202, later.statusCode(), "taken once the first is done: " + later.body());
      }
    }
  }
}
