package sohoa.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohoa.catalog.ApiKey;
import sohoa.catalog.CatalogAddress;
import sohoa.certify.Originals;
import sohoa.console.ConsoleServices;
import sohoa.core.document.DocumentId;
import sohoa.pipeline.Sohoa;

/**
 * A server whose catalog fails answers 503 with Retry-After and says which part failed,
 * never how: no SQL, no JDBC URL, no path, no class name reaches the caller.
 */
class ServerFailureTest {
  @TempDir Path dir;

  @Test
  void api_catalogFailing_answers503WithNothingOfItsInternals() throws Exception {
    Sohoa sohoa = Originals.deployment(dir.resolve("data"));
    DocumentId document = Originals.notice(sohoa, dir.resolve("scans"));
    String reader = sohoa.catalog().apiKeys().create(ApiKey.Role.READER, Optional.empty(),
        "cổng dịch vụ công", Instant.now()).secretText();
    try (SohoaServer server = SohoaServer.start(new Backend(sohoa.catalog(), sohoa.store(),
        Optional.empty(), Optional.of(sohoa), dir.resolve("data/work")),
        new ServerSettings("127.0.0.1", 0, 1 << 20, List.of(), "ben-nghe",
            ConsoleServices.Tokens.none()))) {
      // The database answers, but not as the catalog expects: its errors quote the SQL.
      try (Connection db = DriverManager.getConnection(
          CatalogAddress.embedded(dir.resolve("data/catalog")).jdbcUrl(), "sa",
          CatalogAddress.embeddedPassword(dir.resolve("data/catalog")));
          Statement statement = db.createStatement()) {
        statement.execute("ALTER TABLE documents RENAME TO gone");
      }

      for (String path : List.of("/api/v1/documents?q=thong", "/api/v1/documents/"
          + document.value(), "/api/v1/documents/" + document.value() + "/content?variant=pdfa")) {
        HttpResponse<String> failed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.port() + path))
            .header("Authorization", "Bearer " + reader).build(),
            HttpResponse.BodyHandlers.ofString());

        assertEquals(503, failed.statusCode(), path + ": " + failed.body());
        assertEquals(Optional.of("30"), failed.headers().firstValue("Retry-After"), path);
        String body = failed.body().toLowerCase(Locale.ROOT);
        for (String internal : List.of("jdbc", "sql", "h2", "exception", "sohoa.", "java.",
            dir.toString().toLowerCase(Locale.ROOT), "select", "pool")) {
          assertFalse(body.contains(internal), path + " tells '" + internal + "': " + body);
        }
        assertTrue(body.contains("the catalog or the document store did not answer"), body);
      }
    } finally {
      sohoa.close();
    }
  }
}
