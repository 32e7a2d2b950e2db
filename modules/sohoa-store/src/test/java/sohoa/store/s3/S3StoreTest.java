package sohoa.store.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohoa.core.document.ContentHash;
import sohoa.core.error.StorageFailure;
import sohoa.store.ObjectKey;
import sohoa.store.ObjectStore;
import sohoa.store.ObjectStoreContract;
import sohoa.store.StoredObject;
import sohoa.store.VerifyingInputStream.CorruptObjectException;
import sohoa.testkit.s3.S3ProxyServer;

/** The S3 store over HTTP against a real S3 server (S3Proxy) on loopback. */
class S3StoreTest {
  private static final S3Credentials CREDENTIALS =
      new S3Credentials(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY);
  private static final Backoff QUICK = new Backoff(3, Duration.ofMillis(100),
      Duration.ofMillis(400));

  @TempDir static Path dir;
  private static S3ProxyServer server;

  @BeforeAll
  static void startServer() throws Exception {
    server = S3ProxyServer.start(dir.resolve("s3"));
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  private static S3Store store(String bucket, Backoff backoff) throws StorageFailure {
    return S3Store.open(S3Location.parse("s3://" + bucket + "/sohoa?endpoint="
        + server.endpoint()), CREDENTIALS, backoff);
  }

  /** The contract every store keeps, each test on a bucket of its own. */
  @Nested
  class Contract extends ObjectStoreContract {
    @Override
    protected ObjectStore emptyStore() throws StorageFailure {
      return store("hop-dong-" + UUID.randomUUID().toString().substring(0, 8), QUICK);
    }
  }

  @Test
  void putGetStatListDelete_roundTripWithVietnameseContentAndItsHash() throws Exception {
    S3Store store = store("so-hoa-round-trip", QUICK);
    byte[] manifest = "{\"trichYeu\": \"Về việc cấp giấy chứng nhận\"}"
        .getBytes(StandardCharsets.UTF_8);
    ObjectKey key = new ObjectKey("documents/0a1b/manifest.json");

    StoredObject stored = store.put(key, manifest);
    store.put(new ObjectKey("documents/0a1b/pdfa.pdf"), new byte[] {1, 2, 3});
    store.put(new ObjectKey("originals/ff00"), new byte[] {4});

    assertEquals(ContentHash.of(manifest), stored.sha256());
    assertEquals(stored, store.stat(key).orElseThrow());
    try (InputStream in = store.open(key)) {
      assertArrayEquals(manifest, in.readAllBytes());
    }
    assertEquals(List.of(key, new ObjectKey("documents/0a1b/pdfa.pdf")),
        store.list("documents/"));
    List<ObjectKey> walked = new java.util.ArrayList<>();
    store.walk("", walked::add);
    walked.sort(java.util.Comparator.comparing(ObjectKey::value));
    assertEquals(store.list(""), walked, "a walk meets every key once");
    store.delete(key);
    assertFalse(store.exists(key));
    assertTrue(store.stat(key).isEmpty());
    assertThrows(StorageFailure.class, () -> store.open(key));
  }

  @Test
  void open_bucketMissing_isCreated_andObjectLockIsReportedAbsent() throws Exception {
    S3Store store = store("so-hoa-new-bucket", QUICK);

    assertFalse(store.objectLockEnabled(), "S3Proxy enforces no object lock");
    ObjectKey signed = new ObjectKey("copies/x/certified.pdf");
    store.put(signed, new byte[] {9});
    assertFalse(store.protect(signed), "no legal hold without object lock: the caller warns");
  }

  /** A multipart upload above 64 MiB from a test JVM whose heap is bounded by the build. */
  @Test
  void put_largeFile_goesUpInPartsAndComesBackWhole() throws Exception {
    S3Store store = store("so-hoa-large", QUICK);
    Path big = dir.resolve("ho-so-lon.bin");
    writeRandom(big, 80L * 1024 * 1024);
    ObjectKey key = new ObjectKey("originals/large");

    StoredObject stored = store.put(key, big);

    assertEquals(ContentHash.of(big), stored.sha256());
    assertEquals(Files.size(big), store.stat(key).orElseThrow().size());
    try (InputStream in = store.open(key)) {
      assertEquals(stored.sha256(), ContentHash.of(in));
    }
    Runtime runtime = Runtime.getRuntime();
    assertTrue(runtime.maxMemory() <= 512L * 1024 * 1024,
        "the test JVM's heap is bounded (-Xmx in the build), so the file was never whole in it");
  }

  @Test
  void open_objectCorruptedOnTheServer_failsInsteadOfServingIt() throws Exception {
    S3Store store = store("so-hoa-corrupt", QUICK);
    ObjectKey key = new ObjectKey("documents/0c/pdfa.pdf");
    store.put(key, "bản gốc".repeat(1000).getBytes(StandardCharsets.UTF_8));
    Path blob;
    try (Stream<Path> files = Files.walk(server.bucketFolder("so-hoa-corrupt"))) {
      blob = files.filter(f -> f.toString().endsWith("pdfa.pdf")).findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(blob);
    bytes[100] ^= 0x40;
    Files.write(blob, bytes);

    IOException e = assertThrows(IOException.class, () -> {
      try (InputStream in = store.open(key)) {
        in.readAllBytes();
      }
    });
    assertTrue(e instanceof CorruptObjectException, e.toString());
    assertTrue(e.getMessage().contains("documents/0c/pdfa.pdf is corrupted"), e.getMessage());
  }

  @Test
  void put_serverStoppedMidUpload_failsClearlyOrSucceedsAfterRestart_neverHalfWritten()
      throws Exception {
    S3Store patient = store("so-hoa-restart", new Backoff(8, Duration.ofMillis(500),
        Duration.ofSeconds(2)));
    Path big = dir.resolve("dang-tai.bin");
    writeRandom(big, 48L * 1024 * 1024);
    ObjectKey key = new ObjectKey("originals/restarted");

    CompletableFuture<StoredObject> upload = CompletableFuture.supplyAsync(() -> {
      try {
        return patient.put(key, big);
      } catch (StorageFailure e) {
        throw new RuntimeException(e);
      }
    });
    Thread.sleep(300);
    server.kill();
    assertFalse(upload.isDone(), "the upload was still going when the server stopped");
    server.restart();

    StoredObject stored = upload.get();
    assertEquals(ContentHash.of(big), stored.sha256());
    try (InputStream in = patient.open(key)) {
      assertEquals(stored.sha256(), ContentHash.of(in), "the object is whole");
    }

    S3Store impatient = store("so-hoa-restart", QUICK);
    server.kill();
    try {
      StorageFailure e = assertThrows(StorageFailure.class,
          () -> impatient.put(new ObjectKey("originals/never"), big));
      assertTrue(e.getMessage().contains("after 3 attempts"), e.getMessage());
    } finally {
      server.restart();
    }
    assertFalse(impatient.exists(new ObjectKey("originals/never")), "nothing half-written");
  }

  @Test
  void presignedGet_letsAClientWithoutCredentialsDownload() throws Exception {
    S3Store store = store("so-hoa-presigned", QUICK);
    ObjectKey key = new ObjectKey("copies/ab/certified.pdf");
    byte[] bytes = "%PDF-1.7 bản sao".getBytes(StandardCharsets.UTF_8);
    store.put(key, bytes);

    URI url = store.presignedGet(key, Duration.ofMinutes(5));
    HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofByteArray());

    assertEquals(200, response.statusCode());
    assertArrayEquals(bytes, response.body());
  }

  private static void writeRandom(Path file, long size) throws IOException {
    Random random = new Random(42);
    byte[] chunk = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long written = 0; written < size; written += chunk.length) {
        random.nextBytes(chunk);
        out.write(chunk);
      }
    }
  }
}
