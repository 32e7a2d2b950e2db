package sohoa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import sohoa.testkit.db.PostgresDatabase;
import sohoa.testkit.mq.RabbitBroker;
import sohoa.testkit.net.FreePorts;
import sohoa.testkit.s3.S3ProxyServer;

/**
 * A known secret, handed to sohoa the ways secrets are (a keystore password, the S3 secret key,
 * the catalog's and the broker's passwords), wrong each time so that every failure path runs:
 * it appears in no output, no error, no JSON, no file sohoa writes and not in the audit log.
 */
@Order(Lanes.AFTER_SCALE_OUT)
@ResourceLock(value = Locks.RABBITMQ, mode = ResourceAccessMode.READ)
class SecretsIT {
  private static final String SECRET = "Bí-mật-" + UUID.randomUUID();
  private static final Path SCAN = SohoaProcess.ROOT.resolve("samples/scans/02-giay-chung-nhan.jpg");

  @TempDir Path dir;

  @Test
  void secrets_appearInNoOutputErrorJsonFileOrAuditEntry() throws Exception {
    Path data = dir.resolve("data");
    List<SohoaProcess.Result> runs = new ArrayList<>();
    Map<String, String> trace = Map.of("SOHOA_JAVA_OPTS", "-Xmx384m -Dsohoa.trace=true");
    int port = FreePorts.next();
    Path pki = dir.resolve("pki");
    assertEquals(0, SohoaCli.run("pki", "init", pki.toString(), "--port",
        String.valueOf(port)).exitCode());
    // A digitisation that works, so that there is a job, a summary and an audit trail to read.
    // It and the export at the end hold no secret: they run in this JVM. Every run given the
    // secret is a process of its own, whose every line of output is read.
    runs.add(SohoaCli.run("digitize", SCAN.toString(), "--data", data.toString(), "--json"));
    assertEquals(0, runs.get(0).exitCode(), runs.get(0).err());

    runs.add(SohoaProcess.run(dir, with(trace, "SOHOA_KEY_PASSWORD", SECRET), "digitize",
        SCAN.toString(), "--data", data.toString(), "--sign", "--sign-identity",
        pki.resolve("agency.p12").toString(), "--password-env", "SOHOA_KEY_PASSWORD", "--json"));
    runs.add(SohoaProcess.run(dir, with(trace, "SOHOA_KEY_PASSWORD", SECRET), "sign",
        SohoaProcess.ROOT.resolve("samples/scans/05-bao-cao-so-hoa.pdf").toString(), "-o", dir.resolve("signed.pdf").toString(), "--identity",
        pki.resolve("officer.p12").toString(), "--password-env", "SOHOA_KEY_PASSWORD"));
    try (S3ProxyServer s3 = S3ProxyServer.start(dir.resolve("s3"));
        PostgresDatabase database = PostgresDatabase.create();
        RabbitBroker rabbit = RabbitBroker.create()) {
      runs.add(SohoaProcess.run(dir, with(with(trace, "SOHOA_S3_ACCESS_KEY",
          S3ProxyServer.ACCESS_KEY), "SOHOA_S3_SECRET_KEY", SECRET), "digitize", SCAN.toString(),
          "--data", dir.resolve("data-s3").toString(), "--store",
          "s3://so-hoa?endpoint=" + s3.endpoint(), "--json"));
      runs.add(SohoaProcess.run(dir, with(trace, "SOHOA_CATALOG_PASSWORD", SECRET), "digitize",
          SCAN.toString(), "--data", dir.resolve("data-pg").toString(), "--catalog",
          database.url().replace("user=postgres", "user=nguoi_la"), "--json"));
      runs.add(SohoaProcess.run(dir, with(trace, "SOHOA_BROKER_PASSWORD", SECRET), "enqueue",
          SCAN.toString(), "--data", data.toString(), "--broker",
          "amqp://nguoi-la@127.0.0.1:5672/", "--queues", rabbit.names()));
    }
    runs.add(SohoaCli.run("audit", "export", "--data", data.toString(), "--from",
        "2020-01-01", "--to", "2099-12-31", "-o", dir.resolve("audit.jsonl").toString()));

    for (SohoaProcess.Result run : runs.subList(1, runs.size() - 1)) {
      assertTrue(run.exitCode() != 0, "each of these fails on the wrong secret: " + run.err());
    }
    for (SohoaProcess.Result run : runs) {
      assertFalse(run.out().contains(SECRET), run.out());
      assertFalse(run.err().contains(SECRET), run.err());
    }
    assertTrue(Files.readString(dir.resolve("audit.jsonl")).contains("\"ingest\""),
        "the audit log was exported");
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        assertFalse(bytes.contains(SECRET), "the secret is written in " + file);
      }
    }
  }

  private static Map<String, String> with(Map<String, String> environment, String key,
      String value) {
    Map<String, String> more = new HashMap<>(environment);
    more.put(key, value);
    return more;
  }
}
