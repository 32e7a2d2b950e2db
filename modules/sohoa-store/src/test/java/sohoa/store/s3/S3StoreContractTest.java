package sohoa.store.s3;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import sohoa.store.ObjectStore;
import sohoa.store.ObjectStoreContract;
import sohoa.testkit.s3.S3ProxyServer;

/** The S3 store, over HTTP against a real S3 server, keeps the contract every store keeps. */
class S3StoreContractTest extends ObjectStoreContract {
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

  @Override
  protected ObjectStore emptyStore() throws Exception {
    // A bucket of its own: empty, whatever the other tests stored.
    String bucket = "hop-dong-" + UUID.randomUUID().toString().substring(0, 8);
    return S3Store.open(S3Location.parse("s3://" + bucket + "/sohoa?endpoint="
        + server.endpoint()), new S3Credentials(S3ProxyServer.ACCESS_KEY,
            S3ProxyServer.SECRET_KEY), new Backoff(3, Duration.ofMillis(100),
                Duration.ofMillis(400)));
  }
}
