package sohoa.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohoa.core.document.ContentHash;
import sohoa.core.document.DocumentId;
import sohoa.core.text.Box;
import sohoa.core.text.TextOrigin;

class CatalogTest {
  @TempDir Path dir;

  @Test
  void search_foldedWords_findDocumentsWrittenWithMarks() throws Exception {
    try (Catalog catalog = Catalog.embedded(dir)) {
      catalog.record(TestDocuments.document("c"));

      assertEquals(1, catalog.search(SearchQuery.text("quyet dinh dieu 2")).size());
      assertEquals(1, catalog.search(SearchQuery.text("XA DINH HOA 914")).size());
      assertEquals(0, catalog.search(SearchQuery.text("quyet dinh 915")).size());
    }
  }

  @Test
  void search_byFieldAndDateRange_filtersAndPagesStably() throws Exception {
    try (Catalog catalog = Catalog.embedded(dir)) {
      catalog.record(TestDocuments.document("d"));
      catalog.record(TestDocuments.document("e"));

      SearchQuery byAgency = new SearchQuery("", Map.of("agency", "xa dinh hoa"),
          Optional.of(LocalDate.parse("2021-01-01")), Optional.of(LocalDate.parse("2021-12-31")),
          1, 1);
      List<SearchHit> first = catalog.search(byAgency);
      List<SearchHit> second = catalog.search(new SearchQuery("", byAgency.fields(),
          byAgency.from(), byAgency.to(), 2, 1));
      assertEquals(1, first.size());
      assertEquals(1, second.size());
      assertTrue(!first.get(0).id().equals(second.get(0).id()));
      assertEquals("914/KH-UBND", first.get(0).fields().get("number"));
      assertEquals(0, catalog.search(new SearchQuery("", Map.of(),
          Optional.of(LocalDate.parse("2022-01-01")), Optional.empty(), 1, 10)).size());
      assertEquals(0, catalog.search(new SearchQuery("", Map.of("type", "quyet"),
          Optional.empty(), Optional.empty(), 1, 10)).size());
    }
  }

  @Test
  void record_thenFindByOriginal_givesBackEveryField() throws Exception {
    DocumentRecord document = TestDocuments.document("a");
    try (Catalog catalog = Catalog.embedded(dir)) {
      catalog.record(document);
    }

    try (Catalog reopened = Catalog.embedded(dir)) {
      assertEquals(Optional.of(document), reopened.findByOriginal(document.original()));
    }
  }

  @Test
  void record_sameDocumentFromManyThreads_keepsOneRow() throws Exception {
    DocumentRecord document = TestDocuments.document("b");
    try (Catalog catalog = Catalog.embedded(dir)) {
      ExecutorService threads = Executors.newFixedThreadPool(8);
      List<Future<?>> all = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        all.add(threads.submit(() -> {
          catalog.record(document);
          return null;
        }));
      }
      for (Future<?> f : all) {
        f.get();
      }
      threads.shutdown();

      assertEquals(1, catalog.countDocuments());
    }
  }

  @Test
  void findByOriginal_unknownHash_isEmpty() throws Exception {
    try (Catalog catalog = Catalog.embedded(dir)) {
      assertTrue(catalog.findByOriginal(ContentHash.of(new byte[] {9})).isEmpty());
      assertTrue(catalog.pageCountOf(ContentHash.of(new byte[] {9})).isEmpty());
    }
  }

  @Test
  void pageCountOf_recordedDocument_isItsPageCount() throws Exception {
    DocumentRecord document = TestDocuments.document("d");
    try (Catalog catalog = Catalog.embedded(dir)) {
      catalog.record(document);

      assertEquals(OptionalInt.of(2), catalog.pageCountOf(document.original()));
    }
  }

  @Test
  void jobItems_recordedTwice_keepTheLatestOutcome() throws Exception {
    try (Catalog catalog = Catalog.embedded(dir)) {
      catalog.startJob("job-1", Instant.parse("2024-10-08T03:00:00Z"), 1);
      catalog.recordJobItem("job-1", new JobItem("/in/a.tif", JobItem.Status.FAILED,
          Optional.empty(), Optional.of("truncated-input"), Optional.of("cut short")));
      DocumentId id = TestDocuments.document("c").id();
      catalog.recordJobItem("job-1", new JobItem("/in/a.tif", JobItem.Status.DONE,
          Optional.of(id), Optional.empty(), Optional.empty()));

      List<JobItem> items = catalog.jobItems("job-1");

      assertEquals(1, items.size());
      assertEquals(JobItem.Status.DONE, items.get(0).status());
      assertEquals(Optional.of(id), items.get(0).documentId());
    }
  }
}
