package sohoa.server;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import sohoa.catalog.ApiKey;
import sohoa.catalog.ArtifactRecord;
import sohoa.catalog.Catalog;
import sohoa.catalog.DocumentRecord;
import sohoa.catalog.PageRecord;
import sohoa.core.document.ContentHash;
import sohoa.core.document.DocumentId;
import sohoa.core.text.TextOrigin;
import sohoa.store.ObjectKey;
import sohoa.store.StoredObject;
import sohoa.store.fs.FileSystemStore;

/**
 * The server of {@link LargeDownloadTest}, in a JVM of its own with a small heap: catalogues a
 * document whose original is far larger than that heap, then serves until killed. Writes
 * {@code <port> <document id> <key>} to the file named by its second argument once it listens.
 *
 * <p>Arguments: DATA-DIR READY-FILE SIZE-MIB
 */
public final class LargeObjectServer {
  private LargeObjectServer() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    long size = Long.parseLong(args[2]) << 20;
    Path scan = data.resolve("lon.tif");
    Files.createDirectories(data);
    Random random = new Random(3);
    byte[] chunk = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(scan)) {
      for (long written = 0; written < size; written += chunk.length) {
        random.nextBytes(chunk);
        out.write(chunk);
      }
    }
    FileSystemStore store = new FileSystemStore(data.resolve("store"));
    StoredObject original = store.put(new ObjectKey("originals/large"), scan);
    Files.delete(scan);
    DocumentId id = DocumentId.of(original.sha256());
    try (Catalog catalog = Catalog.embedded(data.resolve("catalog"))) {
      catalog.documents().record(new DocumentRecord(id, original.sha256(), "hồ sơ lớn.tif", "image/tiff", 1,
          90f, "", ContentHash.of(new byte[] {1}), Instant.now(),
          List.of(new ArtifactRecord("original", original.key().value(), original.sha256(),
              original.size())),
          List.of(new PageRecord(1, TextOrigin.OCR, 0, 90f, false)), "other", List.of(),
          Optional.empty()));
      String key = catalog.apiKeys().create(ApiKey.Role.READER, Optional.empty(), "test",
          Instant.now()).secretText();
      try (SohoaServer server = SohoaServer.start(new Backend(catalog, store, Optional.empty(),
          Optional.empty(), data.resolve("work")), new ServerSettings("127.0.0.1", 0, 1 << 20,
          List.of()))) {
        Files.writeString(Path.of(args[1]), server.port() + " " + id.value() + " " + key);
        new CountDownLatch(1).await();
      }
    }
  }
}
