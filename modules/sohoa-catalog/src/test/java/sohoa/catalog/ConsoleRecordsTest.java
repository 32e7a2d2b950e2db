package sohoa.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import sohoa.core.error.StorageFailure;

/** The officer console's records, on both catalog databases. */
class ConsoleRecordsTest {
  private static final Instant NOW = Instant.parse("2026-11-29T02:00:00Z");
  @TempDir Path dir;

  @EveryCatalog
  void correction_isANewVersion_keepsTheOldValue_andIsSearchable(String database)
      throws Exception {
    try (TestCatalogs catalogs = new TestCatalogs(database, dir);
        Catalog catalog = catalogs.open()) {
      DocumentRecord d = TestDocuments.document("k");
      catalog.documents().record(d);
      String before = catalog.documents().find(d.id()).orElseThrow().fields().stream()
          .filter(f -> f.name().equals("number")).findFirst().orElseThrow().value();

      Correction field = catalog.corrections().prepare(d.id(), Optional.of("number"), 0,
          "915/KH-UBND", "lan", NOW);
      catalog.corrections().record(field);
      Correction page = catalog.corrections().prepare(d.id(), Optional.empty(), 2,
          "Trang hai đã sửa: Nguyễn Văn Ánh", "lan", NOW.plusSeconds(60));
      catalog.corrections().record(page);

      assertEquals(before, field.before());
      assertEquals(2, page.version());
      assertEquals(2, catalog.corrections().history(d.id()).size());
      assertEquals(1, catalog.search().hits(new SearchQuery("", Map.of("number", "915/kh"),
          Optional.empty(), Optional.empty(), 1, 10)).size());
      assertEquals(1, catalog.search().hits(SearchQuery.text("nguyen van anh")).size());
      assertTrue(catalog.documents().knowsObject(page.objectKey()), "fixity audits know the record");
      assertThrows(StorageFailure.class, () -> catalog.corrections().record(field),
          "a correction prepared against an older value is refused");
    }
  }

  @EveryCatalog
  void failedLogins_lockTheAccount_andSessionsEndWithIt(String database) throws Exception {
    try (TestCatalogs catalogs = new TestCatalogs(database, dir);
        Catalog catalog = catalogs.open()) {
      addLan(catalog);
      for (int i = 0; i < 2; i++) {
        assertFalse(catalog.officers().failed("lan", OfficerAccount.Proof.PASSWORD, 3,
            Duration.ofMinutes(15), NOW).logins().lockedAt(NOW));
      }
      assertTrue(catalog.officers().failed("lan", OfficerAccount.Proof.PASSWORD, 3,
          Duration.ofMinutes(15), NOW).logins().lockedAt(NOW.plusSeconds(60)));
      ConsoleSessions.Opened opened = catalog.sessions().open("lan", Duration.ofHours(8), NOW);

      assertEquals("lan", catalog.sessions().find(opened.cookie(), NOW).orElseThrow()
          .username());
      assertTrue(catalog.sessions().find(opened.cookie(), NOW.plus(Duration.ofHours(9)))
          .isEmpty(), "expired");
      catalog.officers().disable("lan", NOW);
      assertTrue(catalog.sessions().find(opened.cookie(), NOW).isEmpty(), "disabled");
      assertTrue(catalog.officers().passwordHash("lan").isEmpty());
    }
  }

  @EveryCatalog
  void wrongPins_lockSigningApartFromLogins_untilUnlocked(String database) throws Exception {
    try (TestCatalogs catalogs = new TestCatalogs(database, dir);
        Catalog catalog = catalogs.open()) {
      addLan(catalog);
      OfficerAccounts officers = catalog.officers();
      officers.failed("lan", OfficerAccount.Proof.PIN, 3, Duration.ofMinutes(15), NOW);
      officers.succeeded("lan", OfficerAccount.Proof.PIN);
      for (int i = 0; i < 2; i++) {
        assertFalse(officers.failed("lan", OfficerAccount.Proof.PIN, 3, Duration.ofMinutes(15),
            NOW).signing().lockedAt(NOW), "a right PIN started the count again");
      }

      OfficerAccount locked = officers.failed("lan", OfficerAccount.Proof.PIN, 3,
          Duration.ofMinutes(15), NOW);

      assertTrue(locked.signing().lockedAt(NOW.plusSeconds(60)));
      assertFalse(locked.signing().lockedAt(NOW.plus(Duration.ofMinutes(15))), "for 15 minutes");
      assertEquals(Lockout.NONE, locked.logins(), "logins are not locked by wrong PINs");
      officers.unlock("lan");
      assertEquals(Lockout.NONE, officers.find("lan").orElseThrow().signing());
    }
  }

  private static void addLan(Catalog catalog) throws StorageFailure {
    catalog.officers().create(OfficerAccount.of("lan", "Nguyễn Thị Lan", "Công chức",
        Optional.empty(), OfficerAccount.Role.OFFICER, Optional.empty(), NOW), "$2b$hash");
  }
}
