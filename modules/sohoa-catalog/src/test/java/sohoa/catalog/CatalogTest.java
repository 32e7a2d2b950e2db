package sohoa.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohoa.core.document.ContentHash;
import sohoa.core.document.DocumentId;

class CatalogTest {
  @TempDir Path dir;

  @EveryCatalog
  void search_foldedWords_findDocumentsWrittenWithMarks(String database) throws Exception {
    try (TestCatalogs catalogs = new TestCatalogs(database, dir);
        Catalog catalog = catalogs.open()) {
      catalog.documents().record(TestDocuments.document("c"));

      assertEquals(1, catalog.search().hits(SearchQuery.text("quyet dinh dieu 2")).size());
      assertEquals(1, catalog.search().hits(SearchQuery.text("XA DINH HOA 914")).size());
      assertEquals(0, catalog.search().hits(SearchQuery.text("quyet dinh 915")).size());
    }
  }

  @EveryCatalog
  void search_byFieldAndDateRange_filtersAndPagesStably(String database) throws Exception {
    try (TestCatalogs catalogs = new TestCatalogs(database, dir);
        Catalog catalog = catalogs.open()) {
      catalog.documents().record(TestDocuments.document("d"));
      catalog.documents().record(TestDocuments.document("e"));

      SearchQuery byAgency = new SearchQuery("", Map.of("agency", "xa dinh hoa"),
          Optional.of(LocalDate.parse("2021-01-01")), Optional.of(LocalDate.parse("2021-12-31")),
          1, 1);
      List<SearchHit> first = catalog.search().hits(byAgency);
      List<SearchHit> second = catalog.search().hits(new SearchQuery("", byAgency.fields(),
          byAgency.from(), byAgency.to(), 2, 1));
      assertEquals(1, first.size());
      assertEquals(1, second.size());
      assertTrue(!first.get(0).id().equals(second.get(0).id()));
      assertEquals("914/KH-UBND", first.get(0).fields().get("number"));
      assertEquals(2, catalog.search().count(byAgency), "every match, whatever the page");
      assertEquals(2, catalog.search().count(byAgency.within(Optional.of("Xã Định Hòa"))));
      assertEquals(0, catalog.search().count(byAgency.within(Optional.of("Sở Tài chính"))),
          "another agency's searcher counts nothing of this one");
      assertEquals(List.of(), catalog.search().hits(byAgency.within(Optional.of("Sở Tài chính"))));
      assertEquals(0, catalog.search().hits(new SearchQuery("", Map.of(),
          Optional.of(LocalDate.parse("2022-01-01")), Optional.empty(), 1, 10)).size());
      assertEquals(0, catalog.search().hits(new SearchQuery("", Map.of("type", "quyet"),
          Optional.empty(), Optional.empty(), 1, 10)).size());
    }
  }

  @EveryCatalog
  void record_thenFindByOriginal_givesBackEveryField(String database) throws Exception {
    DocumentRecord document = TestDocuments.document("a");
    try (TestCatalogs catalogs = new TestCatalogs(database, dir)) {
      try (Catalog catalog = catalogs.open()) {
        catalog.documents().record(document);
      }

      try (Catalog reopened = catalogs.open()) {
        assertEquals(Optional.of(document), reopened.documents().findByOriginal(document.original()));
      }
    }
  }

  @EveryCatalog
  void open_catalogLeftByAnOlderSohoa_migratesTheRest(String database) throws Exception {
    try (TestCatalogs catalogs = new TestCatalogs(database, dir)) {
      try (Catalog catalog = catalogs.open()) {
        catalog.jobs().start("dem-qua", Instant.now(), 3);
      }
      // Undoes the newest migration (V15, interrupted jobs), as if never run.
      catalogs.execute("ALTER TABLE jobs DROP COLUMN interrupted");
      catalogs.execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = '"
          + ConnectionPool.SCHEMA_VERSION + "'");

      try (Catalog catalog = catalogs.open()) {
        catalog.jobs().interrupt("dem-qua", Instant.now(), 0);
        JobRecord job = catalog.jobs().find("dem-qua").orElseThrow();
        assertEquals(JobRecord.State.INTERRUPTED, job.state(), "migrated, and the job kept");
        assertEquals(3, job.pending());
      }
    }
  }

  @Test
  void schemaVersion_isTheHighestMigrationShipped() throws Exception {
    int highest;
    try (Stream<Path> files = Files.walk(
        Path.of("src/main/resources/db"))) {
      highest = files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*"))
          .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
    }

    assertEquals(highest, ConnectionPool.SCHEMA_VERSION);
  }

  @EveryCatalog
  void record_sameDocumentFromManyThreads_keepsOneRow(String database) throws Exception {
    DocumentRecord document = TestDocuments.document("b");
    try (TestCatalogs catalogs = new TestCatalogs(database, dir);
        Catalog catalog = catalogs.open()) {
      ExecutorService threads = Executors.newFixedThreadPool(8);
      List<Future<?>> all = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        all.add(threads.submit(() -> {
          catalog.documents().record(document);
          return null;
        }));
      }
      for (Future<?> f : all) {
        f.get();
      }
      threads.shutdown();

      assertEquals(1, catalog.documents().count());
    }
  }

  @EveryCatalog
  void findByOriginal_unknownHash_isEmpty(String database) throws Exception {
    try (TestCatalogs catalogs = new TestCatalogs(database, dir);
        Catalog catalog = catalogs.open()) {
      assertTrue(catalog.documents().findByOriginal(ContentHash.of(new byte[] {9})).isEmpty());
      assertTrue(catalog.documents().pageCountOf(ContentHash.of(new byte[] {9})).isEmpty());
    }
  }

  @EveryCatalog
  void pageCountOf_recordedDocument_isItsPageCount(String database) throws Exception {
    DocumentRecord document = TestDocuments.document("d");
    try (TestCatalogs catalogs = new TestCatalogs(database, dir);
        Catalog catalog = catalogs.open()) {
      catalog.documents().record(document);

      assertEquals(OptionalInt.of(2), catalog.documents().pageCountOf(document.original()));
    }
  }

  @EveryCatalog
  void documentIds_walkInPagesThatResume_andObjectsAreKnownByKey(String database)
      throws Exception {
    try (TestCatalogs catalogs = new TestCatalogs(database, dir);
        Catalog catalog = catalogs.open()) {
      List<DocumentId> all = new java.util.ArrayList<>();
      for (String content : List.of("p", "q", "r", "s", "t")) {
        DocumentRecord d = TestDocuments.document(content);
        catalog.documents().record(d);
        all.add(d.id());
      }
      all.sort(java.util.Comparator.comparing(DocumentId::value));

      List<DocumentId> first = catalog.documents().ids(Optional.empty(), Optional.empty(), 2);
      List<DocumentId> rest = catalog.documents().ids(Optional.of(first.get(1)), Optional.empty(), 10);

      assertEquals(all.subList(0, 2), first);
      assertEquals(all.subList(2, 5), rest);
      assertEquals(List.of(), catalog.documents().ids(Optional.empty(),
          Optional.of(Instant.parse("2030-01-01T00:00:00Z")), 10));
      assertEquals(3, catalog.documents().sample(3).size());
      assertTrue(catalog.documents().knowsObject("documents/" + all.get(0) + "/pdfa.pdf"));
      assertFalse(catalog.documents().knowsObject("documents/" + all.get(0) + "/stray.bin"));
    }
  }

  @EveryCatalog
  void jobItems_recordedTwice_keepTheLatestOutcome(String database) throws Exception {
    try (TestCatalogs catalogs = new TestCatalogs(database, dir);
        Catalog catalog = catalogs.open()) {
      catalog.jobs().start("job-1", Instant.parse("2024-10-08T03:00:00Z"), 1);
      catalog.jobs().record("job-1", new JobItem("/in/a.tif", JobItem.Status.FAILED,
          Optional.empty(), Optional.of("truncated-input"), Optional.of("cut short"),
          Optional.of("scan it again")));
      assertEquals(Optional.of("scan it again"), catalog.jobs().items("job-1").get(0).errorRemedy());
      DocumentId id = TestDocuments.document("c").id();
      catalog.jobs().record("job-1", new JobItem("/in/a.tif", JobItem.Status.DONE,
          Optional.of(id), Optional.empty(), Optional.empty(), Optional.empty()));

      List<JobItem> items = catalog.jobs().items("job-1");

      assertEquals(1, items.size());
      assertEquals(JobItem.Status.DONE, items.get(0).status());
      assertEquals(Optional.of(id), items.get(0).documentId());
    }
  }

  @EveryCatalog
  void job_talliesEachInputOnce_andIsCompleteWhenEveryInputHasAnOutcome(String database)
      throws Exception {
    try (TestCatalogs catalogs = new TestCatalogs(database, dir);
        Catalog catalog = catalogs.open()) {
      Instant at = Instant.parse("2024-10-08T03:00:00Z");
      catalog.jobs().enlist("queued", at);
      catalog.jobs().enlist("queued", at.plusSeconds(60));
      for (String name : List.of("a.tif", "b.tif", "c.tif")) {
        catalog.jobs().record("queued", new JobItem(name, JobItem.Status.QUEUED,
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()));
      }
      DocumentId id = TestDocuments.document("c").id();
      JobItem done = new JobItem("a.tif", JobItem.Status.DONE, Optional.of(id), Optional.empty(),
          Optional.empty(), Optional.empty());
      catalog.jobs().record("queued", done);
      catalog.jobs().record("queued", done);
      catalog.jobs().record("queued", new JobItem("b.tif", JobItem.Status.FAILED,
          Optional.empty(), Optional.of("truncated-input"), Optional.of("cut short"),
          Optional.empty()));

      JobRecord partway = catalog.jobs().find("queued").orElseThrow();
      assertEquals(List.of(3, 1, 0, 1, 1), List.of(partway.inputs(), partway.done(),
          partway.reused(), partway.failed(), partway.pending()));
      assertFalse(partway.complete());

      catalog.jobs().record("queued", new JobItem("c.tif", JobItem.Status.REUSED,
          Optional.of(id), Optional.empty(), Optional.empty(), Optional.empty()));
      assertTrue(catalog.jobs().find("queued").orElseThrow().complete());
      assertEquals(List.of("queued"),
          catalog.jobs().recent(10).stream().map(JobRecord::id).toList());
    }
  }

  @EveryCatalog
  void renewClaims_movesOnlyTheHoldersOwnClaimsForward(String database) throws Exception {
    try (TestCatalogs catalogs = new TestCatalogs(database, dir);
        Catalog catalog = catalogs.open()) {
      Instant at = Instant.parse("2024-10-08T03:00:00Z");
      ContentHash mine = TestDocuments.document("c").original();
      ContentHash theirs = TestDocuments.document("d").original();
      catalog.claims().claim(mine, "may-1:41:1", at);
      catalog.claims().claim(theirs, "may-2:42:1", at);

      catalog.claims().renew("may-1:41:1", at.plusSeconds(60));

      assertEquals(at.plusSeconds(60), catalog.claims().of(mine).orElseThrow().claimedAt());
      assertEquals(at, catalog.claims().of(theirs).orElseThrow().claimedAt());
    }
  }
}
