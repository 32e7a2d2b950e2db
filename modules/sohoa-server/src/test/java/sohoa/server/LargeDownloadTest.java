package sohoa.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohoa.core.document.ContentHash;

/**
 * A 256 MiB object served, whole and as a large range, by a server whose heap is 64 MiB: it
 * streams, it does not load.
 */
class LargeDownloadTest {
  private static final int MIB = 256;
  @TempDir Path dir;

  @Test
  void content_largerThanTheServersHeap_isServedWholeAndInRanges() throws Exception {
    Path ready = dir.resolve("ready");
    Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
        LargeObjectServer.class.getName(), dir.resolve("data").toString(), ready.toString(),
        String.valueOf(MIB)).redirectErrorStream(true)
        .redirectOutput(dir.resolve("server.log").toFile()).start();
    try {
      for (int i = 0; i < 600 && !Files.exists(ready); i++) {
        assertTrue(server.isAlive(), Files.readString(dir.resolve("server.log")));
        Thread.sleep(100);
      }
      String[] parts = Files.readString(ready).split(" ");
      URI content = URI.create("http://127.0.0.1:" + parts[0] + "/api/v1/documents/" + parts[1]
          + "/content?variant=original");
      HttpClient http = HttpClient.newHttpClient();

      HttpResponse<InputStream> whole = http.send(HttpRequest.newBuilder(content)
          .header("Authorization", "Bearer " + parts[2]).build(),
          HttpResponse.BodyHandlers.ofInputStream());
      ContentHash received;
      try (InputStream in = whole.body()) {
        received = ContentHash.of(in);
      }
      HttpResponse<InputStream> range = http.send(HttpRequest.newBuilder(content)
          .header("Authorization", "Bearer " + parts[2])
          .header("Range", "bytes=1048576-").build(), HttpResponse.BodyHandlers.ofInputStream());
      long ranged;
      try (InputStream in = range.body()) {
        ranged = in.transferTo(OutputStream.nullOutputStream());
      }

      assertEquals(200, whole.statusCode());
      assertEquals(ContentHash.of(dir.resolve("data/store/originals/large")), received,
          "the whole object arrived intact");
      assertEquals(206, range.statusCode());
      assertEquals((long) MIB * (1 << 20) - (1 << 20), ranged);
      assertTrue(server.isAlive(), "the server survived: " + Files.readString(
          dir.resolve("server.log")));
    } finally {
      server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }
}
