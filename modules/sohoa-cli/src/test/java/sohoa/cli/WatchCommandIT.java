package sohoa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import sohoa.catalog.Catalog;
import sohoa.catalog.JobRecord;
import sohoa.testkit.db.PostgresDatabase;
import sohoa.testkit.fixtures.BadFiles;
import sohoa.testkit.mq.RabbitBroker;
import sohoa.testkit.s3.S3ProxyServer;

/** Streaming intake as a counter runs it: a watched folder, and a bucket scanners upload to. */
@Order(Lanes.AFTER_SCALE_OUT)
@ResourceLock(value = Locks.RABBITMQ, mode = ResourceAccessMode.READ)
class WatchCommandIT {
  private static final Path SCAN = SohoaProcess.ROOT.resolve("samples/scans/02-giay-chung-nhan.jpg");

  @TempDir Path dir;

  @Test
  void watch_folder_digitisesWhatArrives_movesItToDone_andQuarantinesTheBadWithItsReason()
      throws Exception {
    Path inbox = Files.createDirectories(dir.resolve("may-quet"));
    Files.copy(SCAN, inbox.resolve("giay-chung-nhan.jpg"));
    BadFiles.zeroBytes(inbox.resolve("rong.jpg"));
    Files.writeString(inbox.resolve("dang-chep.jpg.part"), "still arriving");
    Path data = dir.resolve("data");

    SohoaProcess.Result run = SohoaCli.run("watch", inbox.toString(), "--once",
        "--settle", "0", "--job", "mot-cua", "--data", data.toString());

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(Files.exists(inbox.resolve("done/giay-chung-nhan.jpg")), run.err());
    assertTrue(Files.readString(inbox.resolve("quarantine/rong.jpg.error.txt"))
        .contains("error:   empty-input"), run.err());
    assertTrue(Files.exists(inbox.resolve("dang-chep.jpg.part")), "left until renamed");
    try (Catalog catalog = Catalog.embedded(data.resolve("catalog"))) {
      JobRecord job = catalog.jobs().find("mot-cua").orElseThrow();
      assertEquals(List.of(2, 1, 1, 0), List.of(job.inputs(), job.done(), job.failed(),
          job.pending()));
    }
  }

  @Test
  void watch_bucket_withABroker_enqueuesWhatArrives_andMovesItToDone() throws Exception {
    try (S3ProxyServer s3 = S3ProxyServer.start(dir.resolve("s3"));
        PostgresDatabase database = PostgresDatabase.create();
        RabbitBroker rabbit = RabbitBroker.create()) {
      Path inbox = Files.createDirectories(s3.bucketFolder("hop-thu").resolve("quay-1"));
      Files.copy(SCAN, inbox.resolve("giấy chứng nhận.jpg"));

      SohoaProcess.Result run = SohoaCli.run(Map.of(
          "SOHOA_S3_ACCESS_KEY", S3ProxyServer.ACCESS_KEY,
          "SOHOA_S3_SECRET_KEY", S3ProxyServer.SECRET_KEY, "SOHOA_BROKER", rabbit.address()),
          "watch", "s3://hop-thu/quay-1?endpoint=" + s3.endpoint(), "--once", "--job",
          "quay-1", "--data", dir.resolve("data").toString(), "--store",
          "s3://so-hoa?endpoint=" + s3.endpoint(), "--catalog", database.url(), "--queues",
          rabbit.names());

      assertEquals(0, run.exitCode(), run.err());
      assertTrue(Files.exists(inbox.resolve("done/giấy chứng nhận.jpg")), run.err());
      try (Catalog catalog = Catalog.open(database.url())) {
        JobRecord job = catalog.jobs().find("quay-1").orElseThrow();
        assertEquals(List.of(1, 1), List.of(job.inputs(), job.pending()));
      }
      assertEquals(1, rabbit.ready(rabbit.names() + ".documents"), "one task waits");
    }
  }
}
