package sohoa.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohoa.catalog.ApiKey;
import sohoa.catalog.CatalogAddress;
import sohoa.certify.Originals;
import sohoa.core.document.DocumentId;
import sohoa.pipeline.Deployment;
import sohoa.pipeline.Digitiser;
import sohoa.pipeline.Workspace;
import sohoa.store.ObjectKey;
import sohoa.store.address.StoreAddress;
import sohoa.store.s3.Backoff;
import sohoa.store.s3.S3Credentials;
import sohoa.store.s3.S3Location;
import sohoa.testkit.s3.S3ProxyServer;

/** With an S3 store, a client may ask for a presigned address and fetch the bytes itself. */
class PresignedRedirectTest {
  @TempDir Path dir;

  @Test
  void content_redirectPresigned_sendsTheClientToS3ForTheSameBytes() throws Exception {
    try (S3ProxyServer s3 = S3ProxyServer.start(dir.resolve("s3"));
        Digitiser digitiser = Originals.deployment(Workspace.create(dir.resolve("data")),
            new Deployment(new StoreAddress.S3(
                S3Location.parse("s3://luu-tru?endpoint=" + s3.endpoint()), new S3Credentials(
                    S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY), Backoff.DEFAULT),
                CatalogAddress.embedded(dir.resolve("data/catalog"))))) {
      DocumentId id = Originals.notice(digitiser, dir.resolve("scans"));
      String key = digitiser.catalog().apiKeys().create(ApiKey.Role.READER, Optional.empty(),
          "lưu trữ lịch sử", Instant.now()).secretText();
      try (SohoaServer server = SohoaServer.start(new Backend(digitiser.catalog(),
          digitiser.store(),
          Optional.empty(), Optional.empty(), dir.resolve("data/work")),
          new ServerSettings("127.0.0.1", 0, 1 << 20, List.of()))) {
        HttpResponse<Void> redirect = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).build().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/api/v1/documents/"
                    + id.value() + "/content?redirect=presigned"))
                .header("Authorization", "Bearer " + key).build(),
                HttpResponse.BodyHandlers.discarding());

        assertEquals(302, redirect.statusCode());
        URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        assertTrue(location.toString().startsWith(s3.endpoint().toString()), location.toString());
        byte[] fetched = HttpClient.newHttpClient().send(HttpRequest.newBuilder(location)
            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray())
            .body();
        byte[] stored;
        try (InputStream in = digitiser.store().open(ObjectKey.artifact(id, "pdfa.pdf"))) {
          stored = in.readAllBytes();
        }
        assertArrayEquals(stored, fetched);
      }
    }
  }
}
