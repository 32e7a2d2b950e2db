package sohoa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sohoa serve --certify} anchors the audit log by itself, as often as it is told. */
class ServeCheckpointIT {
  @TempDir Path dir;

  @Test
  void serve_anchorsTheAuditLogPeriodically_andAuditVerifyChecksAgainstIt() throws Exception {
    Path data = dir.resolve("data");
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    SohoaProcess.Running serve = SohoaProcess.start(dir, Map.of(), "serve", "--certify",
        "--port", String.valueOf(port), "--audit-checkpoint-seconds", "2", "--data",
        data.toString());
    Path checkpoints = data.resolve("store/audit/checkpoints");
    try {
      for (int i = 0; i < 240 && count(checkpoints) < 2; i++) {
        Thread.sleep(250);
      }
    } finally {
      serve.terminate();
    }

    assertTrue(count(checkpoints) >= 2, "two checkpoints within a minute: "
        + serve.errSoFar());
    assertTrue(serve.errSoFar().contains("audit log anchored at entry"), serve.errSoFar());
    SohoaProcess.Result verified = SohoaProcess.run(dir, "audit", "verify", "--data",
        data.toString());
    assertEquals(0, verified.exitCode(), verified.out() + verified.err());
    assertTrue(verified.out().contains("latest checkpoint: entry"), verified.out());
    OwnerOnly.assertEverythingIn(data);
  }

  private static long count(Path folder) throws Exception {
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".pdf")).count();
    }
  }
}
