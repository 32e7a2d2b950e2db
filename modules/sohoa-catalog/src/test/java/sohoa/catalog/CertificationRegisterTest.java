package sohoa.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import sohoa.catalog.RegisterEntry.Status;
import sohoa.core.document.ContentHash;
import sohoa.core.document.CopyId;
import sohoa.core.document.DocumentId;
import sohoa.core.error.ConfigurationError;
import sohoa.core.error.StorageFailure;

/** The register's promises, on the embedded H2 catalog and on a shared PostgreSQL one. */
class CertificationRegisterTest {
  private static final Instant AT = Instant.parse("2026-10-08T03:00:00Z");
  private static final SecureRandom RANDOM = new SecureRandom();
  @TempDir Path dir;
  private static RegisterEntry reserve(CertificationRegister register, RegisterBook book,
      DocumentId original) throws StorageFailure {
    return register.reserve(book, CopyId.random(RANDOM), original, "Lê Văn Tâm",
        "Phó Chủ tịch", "Ủy ban nhân dân phường Bến Nghé", "test:1:1", AT);
  }

  @EveryCatalog
  void office_isRecordedByTheFirstToNameOne_andAnotherIsRefused(String database)
      throws Exception {
    try (TestCatalogs catalogs = new TestCatalogs(database, dir);
        Catalog catalog = catalogs.open()) {
      CertificationRegister register = catalog.register();

      assertEquals("ben-nghe", register.office(Optional.of("ben-nghe")));
      assertEquals("ben-nghe", register.office(Optional.empty()), "the deployment's office");
      ConfigurationError refused = assertThrows(ConfigurationError.class,
          () -> register.office(Optional.of("local")));

      assertTrue(refused.getMessage().contains("register of office 'ben-nghe', not 'local'"),
          refused.getMessage());
    }
  }

  @EveryCatalog
  void reserve_numbersEachOfficesYearFromOne_continuingAcrossItsBooks(String database)
      throws Exception {
    try (TestCatalogs catalogs = new TestCatalogs(database, dir);
        Catalog catalog = catalogs.open()) {
      DocumentRecord original = TestDocuments.recorded(catalog, "a");
      CertificationRegister register = catalog.register();
      RegisterBook book = new RegisterBook("ben-nghe", "01", 2026);

      assertEquals(1, reserve(register, book, original.id()).number());
      assertEquals(2, reserve(register, book, original.id()).number());
      RegisterBook second = new RegisterBook("ben-nghe", "02", 2026);
      assertEquals(3, reserve(register, second, original.id()).number(),
          "a new book of the same year goes on from the last number");
      assertEquals(1, reserve(register, new RegisterBook("dinh-hoa", "01", 2026),
          original.id()).number(), "another office has its own numbers");
      assertEquals(1, reserve(register, new RegisterBook("ben-nghe", "01", 2027),
          original.id()).number(), "a new year starts again at 1");
      assertEquals(List.of(1, 2), register.entries(book).stream().map(RegisterEntry::number)
          .toList());
      assertEquals(List.of(1, 2, 3), register.entries("ben-nghe", 2026).stream()
          .map(RegisterEntry::number).toList());
      assertEquals("02/2026-SCT/BS", second.label());
    }
  }

  @EveryCatalog
  void issueAndVoid_closeANumberOnceAndKeepItInTheBook(String database) throws Exception {
    try (TestCatalogs catalogs = new TestCatalogs(database, dir);
        Catalog catalog = catalogs.open()) {
      DocumentRecord original = TestDocuments.recorded(catalog, "b");
      CertificationRegister register = catalog.register();
      RegisterBook book = new RegisterBook("ben-nghe", "01", 2026);
      RegisterEntry first = reserve(register, book, original.id());
      RegisterEntry second = reserve(register, book, original.id());
      ContentHash hash = ContentHash.of(new byte[] {7});

      register.issue(first, 3, "copies/" + first.copyId() + "/certified.pdf", hash, AT);
      register.voidEntry(second, "the officer cancelled: wrong original", AT);

      assertThrows(StorageFailure.class, () -> register.voidEntry(first, "too late", AT));
      List<RegisterEntry> entries = register.entries(book);
      assertEquals(List.of(Status.ISSUED, Status.VOIDED),
          entries.stream().map(RegisterEntry::status).toList());
      assertEquals(Optional.of(hash), entries.get(0).sha256());
      assertEquals("Ủy ban nhân dân phường Bến Nghé", entries.get(0).agency());
      assertEquals(Optional.of("the officer cancelled: wrong original"),
          entries.get(1).voidReason());
      assertEquals(Optional.of(entries.get(0)), register.byCopy(first.copyId()));
      assertEquals(2, register.ofOriginal(original.id()).size());
      assertTrue(register.reserved().isEmpty());
    }
  }

  @EveryCatalog
  void reserve_manyThreadsAtOnce_giveEachNumberExactlyOnceWithoutGaps(String database)
      throws Exception {
    try (TestCatalogs catalogs = new TestCatalogs(database, dir);
        Catalog catalog = catalogs.open()) {
      DocumentRecord original = TestDocuments.recorded(catalog, "c");
      CertificationRegister register = catalog.register();
      RegisterBook book = new RegisterBook("ben-nghe", "07", 2026);
      ExecutorService threads = Executors.newFixedThreadPool(8);
      List<Future<Integer>> numbers = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        numbers.add(threads.submit(() -> reserve(register, book, original.id()).number()));
      }
      List<Integer> taken = new ArrayList<>();
      for (Future<Integer> number : numbers) {
        taken.add(number.get());
      }
      threads.shutdown();

      assertEquals(IntStream.rangeClosed(1, 200).boxed().toList(),
          taken.stream().sorted().toList());
      assertEquals(200, register.entries(book).size());
    }
  }
}
