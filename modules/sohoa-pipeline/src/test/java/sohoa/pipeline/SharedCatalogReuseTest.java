package sohoa.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohoa.catalog.CatalogAddress;
import sohoa.core.document.ContentHash;
import sohoa.core.i18n.Messages;
import sohoa.extract.file.TestMetadataReader;
import sohoa.store.address.StoreAddress;
import sohoa.testkit.db.PostgresDatabase;
import sohoa.testkit.fixtures.Fixtures;
import sohoa.testkit.fixtures.ScanDefects;
import sohoa.testkit.fixtures.ScanFiles;

/**
 * Two workers with their own data folders, sharing one store and one PostgreSQL catalog, given
 * the same original at the same moment: it is digitised once, and the other worker gets that
 * result.
 */
class SharedCatalogReuseTest {
  @TempDir Path dir;

  @Test
  void process_sameOriginalOnTwoWorkersAtOnce_isDigitisedOnceAndReusedByTheOther()
      throws Exception {
    Path scan = dir.resolve("to-trinh.pdf");
    ScanFiles.scannedPdf(List.of(Fixtures.render(Fixtures.NOTICE, 300, ScanDefects.NONE)
        .pages().get(0)), 300, scan);
    try (PostgresDatabase postgres = PostgresDatabase.create()) {
      Deployment shared = new Deployment(new StoreAddress.Folder(dir.resolve("shared-store")),
          new CatalogAddress(postgres.url(), Optional.empty()));
      List<Digitiser> workers = new ArrayList<>();
      ExecutorService threads = Executors.newFixedThreadPool(2);
      try {
        for (String name : List.of("may-1", "may-2")) {
          workers.add(Digitiser.open(Workspace.create(dir.resolve(name)),
              DigitizeOptions.defaults(),
              Optional.empty(), shared, TestMetadataReader.shared(), Messages.forOfficers(),
              Digitiser.tesseract(DigitizeOptions.defaults()), Clock.systemUTC()));
        }
        List<Future<DocumentOutcome>> outcomes = new ArrayList<>();
        for (Digitiser worker : workers) {
          Callable<DocumentOutcome> work =
              () -> worker.pipeline().process(scan, PipelineListener.NONE);
          outcomes.add(threads.submit(work));
        }
        List<DocumentOutcome> done = new ArrayList<>();
        for (Future<DocumentOutcome> outcome : outcomes) {
          done.add(outcome.get());
        }

        assertEquals(1, done.stream().filter(o -> o instanceof DocumentOutcome.Digitised)
            .count(), done.toString());
        assertEquals(1, done.stream().filter(o -> o instanceof DocumentOutcome.Reused).count(),
            done.toString());
        assertTrue(workers.get(0).catalog().claims().of(ContentHash.of(scan)).isEmpty(),
            "the claim is released once the document is catalogued");
      } finally {
        threads.shutdown();
        workers.forEach(Digitiser::close);
      }
    }
  }
}
