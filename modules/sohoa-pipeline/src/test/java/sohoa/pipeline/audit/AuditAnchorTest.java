package sohoa.pipeline.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohoa.catalog.AuditTrail;
import sohoa.catalog.Catalog;
import sohoa.catalog.CatalogAddress;
import sohoa.sign.TestPki;
import sohoa.sign.pades.SignatureLevel;
import sohoa.store.ObjectKey;
import sohoa.store.ObjectStore;
import sohoa.store.fs.FileSystemStore;

/**
 * The audit log's head anchored outside the catalog: what the hash chain alone cannot see (the
 * end of the log cut off, the head the catalog keeps rewritten to match) the checkpoint does.
 */
class AuditAnchorTest {
  @TempDir static Path dir;
  private static TestPki pki;

  @BeforeAll
  static void start() throws Exception {
    pki = TestPki.start(dir.resolve("pki"));
  }

  @AfterAll
  static void stop() {
    pki.close();
  }

  private static void append(Catalog catalog, int count) throws Exception {
    AuditTrail trail = catalog.auditTrail(Clock.systemUTC());
    for (int i = 0; i < count; i++) {
      trail.record(new AuditTrail.Entry("cli", "retrieve", "documents/" + i, Optional.empty(),
          "GET content"));
    }
  }

  /** As a database administrator would: the append-only trigger out of the way first. */
  private static void tamper(Path catalog, String... statements) throws Exception {
    try (Connection c = DriverManager.getConnection(CatalogAddress.embedded(catalog).jdbcUrl(),
        "sa", CatalogAddress.embeddedPassword(catalog)); Statement s = c.createStatement()) {
      s.execute("DROP TRIGGER IF EXISTS audit_log_append_only");
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  private static AuditAnchor anchor(Catalog catalog, ObjectStore store) {
    return new AuditAnchor(catalog.auditLog(), store, Clock.systemUTC(), dir.resolve("work"));
  }

  @Test
  void check_tailCutAndHeadRewrittenAfterACheckpoint_isFound_whereTheChainSeesNothing()
      throws Exception {
    Path folder = dir.resolve("cut");
    ObjectStore store = new FileSystemStore(folder.resolve("store"));
    try (Catalog catalog = Catalog.embedded(folder.resolve("catalog"))) {
      append(catalog, 6);
      AuditAnchor.Checkpoint made = anchor(catalog, store).write(pki.signer("agency"),
          SignatureLevel.B_LT);
      append(catalog, 2);
      assertEquals(Optional.empty(), anchor(catalog, store).check(List.of(pki.root()))
          .problem(), "the log holds what was anchored, and has grown");
      String fourth = catalog.auditLog().hashAt(4).orElseThrow().hex();

      tamper(folder.resolve("catalog"), "DELETE FROM audit_log WHERE seq > 4",
          "UPDATE audit_head SET last_seq = 4, last_hash = '" + fourth + "' WHERE id = 1");

      assertEquals(Optional.empty(), catalog.auditLog().verify(),
          "the chain alone is whole again: nothing there shows the cut");
      AuditAnchor.Check check = anchor(catalog, store).check(List.of(pki.root()));
      assertEquals(6, made.seq());
      assertTrue(check.problem().orElseThrow().contains("the log ends at entry 4 but the"
          + " checkpoint of " + made.at() + " anchored entry 6"), check.problem().get());
    }
  }

  @Test
  void check_logRewrittenUpToTheAnchoredEntry_isFound() throws Exception {
    Path folder = dir.resolve("rewritten");
    ObjectStore store = new FileSystemStore(folder.resolve("store"));
    try (Catalog catalog = Catalog.embedded(folder.resolve("catalog"))) {
      append(catalog, 3);
      anchor(catalog, store).write(pki.signer("agency"), SignatureLevel.B_LT);

      // Entry 3 replaced by another whose hash chains (as a rewrite of the whole tail would).
      tamper(folder.resolve("catalog"), "UPDATE audit_log SET entry_hash = '" + "a".repeat(64)
          + "' WHERE seq = 3", "UPDATE audit_head SET last_hash = '" + "a".repeat(64)
          + "' WHERE id = 1");

      assertTrue(anchor(catalog, store).check(List.of(pki.root())).problem().orElseThrow()
          .contains("the log's entry 3 is not that entry"));
    }
  }

  @Test
  void check_aCheckpointNotSignedByATrustedKey_isNotBelieved() throws Exception {
    Path folder = dir.resolve("forged");
    ObjectStore store = new FileSystemStore(folder.resolve("store"));
    try (TestPki other = TestPki.start(dir.resolve("other-pki"));
        Catalog catalog = Catalog.embedded(folder.resolve("catalog"))) {
      append(catalog, 2);
      anchor(catalog, store).write(other.signer("agency"), SignatureLevel.B_LT);

      AuditAnchor.Check check = anchor(catalog, store).check(List.of(pki.root()));

      assertTrue(check.latest().isEmpty());
      assertTrue(check.problem().orElseThrow().contains("is not one the agency signed"),
          check.problem().get());
    }
  }

  @Test
  void check_checkpointOfAnEmptyLog_holdsOnceTheLogGrows() throws Exception {
    Path folder = dir.resolve("empty");
    ObjectStore store = new FileSystemStore(folder.resolve("store"));
    try (Catalog catalog = Catalog.embedded(folder.resolve("catalog"))) {
      AuditAnchor.Checkpoint made = anchor(catalog, store).write(pki.signer("agency"),
          SignatureLevel.B_LT);
      append(catalog, 2);

      AuditAnchor.Check check = anchor(catalog, store).check(List.of(pki.root()));

      assertEquals(0, made.seq());
      assertEquals(Optional.empty(), check.problem());
      assertEquals(0, check.latest().orElseThrow().seq());
    }
  }

  @Test
  void check_withoutCheckpoints_saysThereIsNone() throws Exception {
    Path folder = dir.resolve("none");
    ObjectStore store = new FileSystemStore(folder.resolve("store"));
    try (Catalog catalog = Catalog.embedded(folder.resolve("catalog"))) {
      AuditAnchor.Check check = anchor(catalog, store).check(List.of(pki.root()));

      assertEquals(new AuditAnchor.Check(Optional.empty(), Optional.empty()), check);
      assertTrue(store.list("audit/").isEmpty());
      assertEquals(List.<ObjectKey>of(), store.list(AuditAnchor.PREFIX));
    }
  }
}
