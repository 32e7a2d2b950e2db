package sohoa.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sohoa.core.document.ContentHash;

/** The audit log's chain holds while it is appended to, and names the row a tamperer touched. */
class AuditLogTest {
  private static final Instant AT = Instant.parse("2026-10-08T03:00:00.123456789Z");
  @TempDir Path dir;

  /** One event appended on its own: the entry as chained. */
  private static AuditEntry append(AuditLog log, String actor, String action, String subject,
      Optional<ContentHash> document, String detail, Instant when) throws Exception {
    return log.appendAll(List.of(new AuditLog.Event(actor, action, subject, document, detail,
        when))).get(0);
  }

  private static void appendSome(AuditLog log, int count) throws Exception {
    for (int i = 0; i < count; i++) {
      append(log, "key:0123456789abcdef", "retrieve", "documents/" + i,
          Optional.of(ContentHash.of(new byte[] {(byte) i})), "GET content variant=pdfa",
          AT.plusSeconds(i));
    }
  }

  @EveryCatalog
  void append_fromManyThreads_keepsOneUnbrokenChain(String database) throws Exception {
    try (TestCatalogs catalogs = new TestCatalogs(database, dir);
        Catalog catalog = catalogs.open()) {
      AuditLog log = catalog.auditLog();
      ExecutorService threads = Executors.newFixedThreadPool(4);
      List<Future<AuditEntry>> appended = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        int n = i;
        appended.add(threads.submit(() -> append(log, "cli", "certify", "copy-" + n,
            Optional.empty(), "Số chứng thực " + n, Instant.now())));
      }
      for (Future<AuditEntry> f : appended) {
        f.get();
      }
      threads.shutdown();

      assertEquals(Optional.empty(), log.verify());
      assertEquals(40, log.entries(Instant.EPOCH, Instant.now().plusSeconds(1)).size());
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "h2|UPDATE audit_log SET detail = 'x' WHERE seq = 2",
      "h2|DELETE FROM audit_log WHERE seq = 2",
      "postgresql|UPDATE audit_log SET detail = 'x' WHERE seq = 2",
      "postgresql|DELETE FROM audit_log WHERE seq = 2",
      "postgresql|TRUNCATE audit_log"})
  void auditLog_isAppendOnly_forTheApplicationsOwnConnection(String database, String change)
      throws Exception {
    try (TestCatalogs catalogs = new TestCatalogs(database, dir);
        Catalog catalog = catalogs.open()) {
      appendSome(catalog.auditLog(), 3);

      SQLException refused = assertThrows(SQLException.class, () -> catalogs.execute(change));

      assertTrue(refused.getMessage().contains("the audit log is append-only"),
          refused.getMessage());
      assertEquals(Optional.empty(), catalog.auditLog().verify());
      assertEquals(3, catalog.auditLog().entries(Instant.EPOCH, Instant.now().plusSeconds(1))
          .size());
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', value = {
      "h2|UPDATE audit_log SET detail = 'GET content variant=original' WHERE seq = 3"
          + "|entry 3 (retrieve documents/2) was changed after it was written",
      "h2|DELETE FROM audit_log WHERE seq = 2|entry 2 is missing",
      "h2|UPDATE audit_log SET seq = CASE seq WHEN 2 THEN 3 ELSE 2 END WHERE seq IN (2, 3)"
          + "|entry 2 does not follow entry 1",
      "h2|DELETE FROM audit_log WHERE seq = 5|entries at its end were removed",
      "postgresql|UPDATE audit_log SET actor = 'cli' WHERE seq = 4"
          + "|entry 4 (retrieve documents/3) was changed after it was written",
      "postgresql|DELETE FROM audit_log WHERE seq = 2|entry 2 is missing"})
  void verify_afterATamper_namesTheFirstBrokenLink(String database, String tamper,
      String expected) throws Exception {
    try (TestCatalogs catalogs = new TestCatalogs(database, dir);
        Catalog catalog = catalogs.open()) {
      appendSome(catalog.auditLog(), 5);
      assertEquals(Optional.empty(), catalog.auditLog().verify());

      catalogs.tamper(tamper);

      String broken = catalog.auditLog().verify().orElseThrow();
      assertTrue(broken.contains(expected), broken);
    }
  }

  @EveryCatalog
  void append_overlongTexts_areCutNotRefused_andTheChainHolds(String database) throws Exception {
    try (TestCatalogs catalogs = new TestCatalogs(database, dir);
        Catalog catalog = catalogs.open()) {
      AuditEntry entry = catalog.auditLog().appendAll(List.of(new AuditLog.Event("public",
          "verify-page", "x".repeat(1000), Optional.empty(), "GET /verify?" + "q".repeat(10_000),
          AT))).get(0);

      assertEquals(256, entry.subject().length());
      assertEquals(4096, entry.detail().length());
      assertEquals(Optional.empty(), catalog.auditLog().verify());
    }
  }
}
