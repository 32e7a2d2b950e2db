package sohoa.pipeline.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohoa.core.error.EmptyInput;
import sohoa.core.error.SohoaException;
import sohoa.core.error.StorageFailure;
import sohoa.pipeline.failure.FailurePolicy;
import sohoa.store.s3.Backoff;
import sohoa.store.s3.S3Credentials;
import sohoa.store.s3.S3Inbox;
import sohoa.store.s3.S3Location;
import sohoa.testkit.s3.S3ProxyServer;

/** A bucket the scanners upload to, watched over a real S3 server, as a folder is watched. */
class BucketWatcherTest {
  @TempDir Path dir;

  @Test
  void look_quarantinesWhatIsAtFault_leavesWhatMetAFailingService_andTakesTheRest()
      throws Exception {
    try (S3ProxyServer s3 = S3ProxyServer.start(dir.resolve("s3"))) {
      S3Inbox inbox = S3Inbox.open(S3Location.parse("s3://hop-thu/den?endpoint=" + s3.endpoint()),
          new S3Credentials(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY), Backoff.DEFAULT);
      Path uploaded = Files.createDirectories(s3.bucketFolder("hop-thu").resolve("den"));
      for (String name : List.of("cho.tif", "doc-hong.pdf", "rong.tif", "tot.png")) {
        Files.writeString(uploaded.resolve(name), name);
      }
      List<String> told = new ArrayList<>();
      Arrival arrival = new Arrival() {
        @Override
        public void take(Path file, String name) throws SohoaException {
          switch (name) {
            case "doc-hong.pdf" -> throw new IllegalStateException("a reader met a surprise");
            case "rong.tif" -> throw new EmptyInput("the file is empty", "scan it again");
            case "cho.tif" -> throw new StorageFailure("the store is down", "start it", null);
            default -> { }
          }
        }

        @Override
        public void quarantined(Path file, String name, FailurePolicy.Quarantine why) {
          told.add(name + " " + why.code());
        }
      };

      Look look = new BucketWatcher(inbox, dir.resolve("work"), arrival, Clock.systemUTC())
          .look();

      assertEquals(List.of("quarantine/doc-hong.pdf", "quarantine/rong.tif"),
          look.quarantined(), "a library breaking on a scan is the scan's fault, as in a folder");
      assertEquals(List.of("doc-hong.pdf internal-error", "rong.tif empty-input"), told);
      assertTrue(Files.readString(uploaded.resolve("quarantine/doc-hong.pdf.error.txt"))
          .contains("internal-error"));
      assertEquals(List.of("done/tot.png"), look.taken());
      assertEquals(1, look.retried().size());
      assertTrue(look.retried().get(0).startsWith("cho.tif: the store is down"),
          look.retried().get(0));
      assertEquals(List.of("cho.tif"), inbox.waiting(), "taken again at the next look");
    }
  }
}
