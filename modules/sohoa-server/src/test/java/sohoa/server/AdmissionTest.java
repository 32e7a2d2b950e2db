package sohoa.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohoa.catalog.ApiKey;
import sohoa.catalog.SearchQuery;
import sohoa.certify.Originals;
import sohoa.console.ConsoleServices;
import sohoa.pipeline.Digitiser;
import sohoa.pipeline.queue.Broker;
import sohoa.pipeline.queue.BrokerAddress;
import sohoa.testkit.fixtures.Fixtures;
import sohoa.testkit.fixtures.ScanDefects;
import sohoa.testkit.fixtures.ScanFiles;
import sohoa.testkit.mq.RabbitBroker;

/**
 * Uploads beyond what may wait are refused before their bytes are read, with Retry-After; the
 * server goes on answering, and takes uploads again once the queue has room. What it digitises
 * is announced on the broker once, however often the same scan is sent.
 */
class AdmissionTest {
  @TempDir Path dir;

  @Test
  void upload_beyondTheQueue_is503WithRetryAfter_andTakenOnceThereIsRoom() throws Exception {
    Path scan = dir.resolve("thong-bao.png");
    ScanFiles.png(Fixtures.render(Fixtures.NOTICE, 200, ScanDefects.NONE).pages().get(0), 200,
        scan);
    try (Digitiser digitiser = Originals.deployment(dir.resolve("data"));
        RabbitBroker rabbit = RabbitBroker.create();
        Broker broker = Broker.connect(BrokerAddress.parse(rabbit.address(),
            RabbitBroker.PASSWORD, rabbit.names()), Clock.systemUTC())) {
      String events = rabbit.listen(rabbit.names() + ".events", "document.*");
      String officer = digitiser.catalog().apiKeys().create(ApiKey.Role.OFFICER, Optional.empty(),
          "máy quét", Instant.now()).secretText();
      try (SohoaServer server = SohoaServer.start(new Backend(digitiser.catalog(),
          digitiser.store(),
          Optional.empty(), Optional.of(digitiser), dir.resolve("data/work"), broker.events()),
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
        String job = later.headers().firstValue("Location").orElseThrow();
        for (int i = 0; i < 240 && !http.send(HttpRequest.newBuilder(URI.create("http://"
                + "127.0.0.1:" + server.port() + job)).header("Authorization", "Bearer "
                + officer).build(), HttpResponse.BodyHandlers.ofString()).body()
            .contains("\"finished\""); i++) {
          Thread.sleep(250);
        }
        List<RabbitBroker.Message> announced = rabbit.take(events);
        assertEquals(List.of("document.digitised"), announced.stream()
            .map(RabbitBroker.Message::type).toList(), "the scan sent twice is announced once");
        assertTrue(announced.get(0).body().contains(digitiser.catalog().search().hits(
            SearchQuery.text("thong bao")).get(0).id().value()), announced.get(0).body());
      }
    }
  }
}
