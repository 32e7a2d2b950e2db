package sohoa.certify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohoa.catalog.CatalogAddress;
import sohoa.catalog.RegisterBook;
import sohoa.catalog.RegisterEntry;
import sohoa.catalog.RegisterEntry.Status;
import sohoa.core.document.ContentHash;
import sohoa.core.document.DocumentId;
import sohoa.core.event.EventSink;
import sohoa.pipeline.Deployment;
import sohoa.pipeline.Digitiser;
import sohoa.pipeline.Workspace;
import sohoa.sign.TestPki;
import sohoa.sign.pades.SignatureLevel;
import sohoa.sign.verify.PdfSignatureVerifier;
import sohoa.sign.verify.Verdict;
import sohoa.store.ObjectKey;
import sohoa.store.address.StoreAddress;
import sohoa.testkit.db.PostgresDatabase;

/**
 * Several officers issuing at once against one PostgreSQL register — threads of this JVM and
 * separate JVM processes, one of them killed with SIGKILL while it holds a number — leave a book
 * numbered without gaps or repeats, every number bound to one stored, signed copy or voided with
 * its reason.
 */
class ConcurrentIssuanceTest {
  private static final int THREADS = 2;
  private static final int PER_THREAD = 3;
  private static final int PROCESSES = 3;
  private static final int PER_PROCESS = 4;

  @TempDir Path dir;

  @Test
  void issue_threadsAndProcessesAtOnce_oneKilled_leaveAGapFreeBook() throws Exception {
    RegisterBook book = new RegisterBook("dinh-hoa", "05", Year.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
        .getValue());
    try (TestPki pki = TestPki.start(dir.resolve("pki"));
        PostgresDatabase postgres = PostgresDatabase.create();
        Digitiser digitiser = Originals.deployment(Workspace.create(dir.resolve("data")),
            new Deployment(new StoreAddress.Folder(dir.resolve("data/store")),
                new CatalogAddress(postgres.url(), Optional.empty())))) {
      DocumentId original = Originals.notice(digitiser, dir.resolve("scans"));
      CertificationService service = new CertificationService(digitiser.catalog(),
          digitiser.store(),
          new CopySigning(pki.signer("officer"), pki.signer("agency"), SignatureLevel.B_T),
          CopyFonts.locate(), URI.create("https://chungthuc.test"),
          dir.resolve("data/work"), Clock.systemUTC(), EventSink.NONE);

      List<Process> processes = new ArrayList<>();
      for (int i = 0; i < PROCESSES; i++) {
        processes.add(issueLoop(postgres.url(), original, book, i));
      }
      ExecutorService threads = Executors.newFixedThreadPool(THREADS);
      List<Future<?>> issued = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        issued.add(threads.submit(() -> {
          for (int i = 0; i < PER_THREAD; i++) {
            service.issue(new CertificationRequest(original,
                new Officer("Nguyễn Thị Hoa", "Phó Chủ tịch"), "Văn phòng Ủy ban nhân dân tỉnh Thanh Hóa",
                book.office(), book.code(), Placement.PAGE));
          }
          return null;
        }));
      }
      Process victim = processes.get(0);
      RegisterEntry held = killWhileHoldingANumber(victim, service, book);
      for (Future<?> f : issued) {
        f.get(5, TimeUnit.MINUTES);
      }
      threads.shutdown();
      for (Process p : processes.subList(1, PROCESSES)) {
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes()));
      }

      // Any issuance after the kill closes the dead process's number; this makes sure of it.
      service.recoverAbandoned();

      RegisterEntry after = service.register().byNumber(book.office(), book.year(), held.number()).orElseThrow();
      assertTrue(after.status() == Status.VOIDED && after.voidReason().orElseThrow()
          .contains("stopped before its copy was stored") || after.status() == Status.ISSUED,
          "the number the killed process held is voided with the reason, or bound to the copy "
              + "it had stored: " + after);
      List<RegisterEntry> entries = digitiser.catalog().register().entries(book.office(),
          book.year());
      assertEquals(IntStream.rangeClosed(1, entries.size()).boxed().toList(),
          entries.stream().map(RegisterEntry::number).toList(), "no gap, no repeat");
      assertTrue(entries.size() >= THREADS * PER_THREAD + (PROCESSES - 1) * PER_PROCESS + 1);
      PdfSignatureVerifier verifier = new PdfSignatureVerifier(List.of(pki.root()), true);
      for (RegisterEntry e : entries) {
        if (e.status() == Status.VOIDED) {
          assertFalse(e.voidReason().orElseThrow().isBlank());
          continue;
        }
        assertEquals(Status.ISSUED, e.status(), e.toString());
        Path copy = dir.resolve(e.copyId() + ".pdf");
        try (InputStream in = digitiser.store().open(new ObjectKey(e.objectKey().orElseThrow()))) {
          Files.copy(in, copy);
        }
        assertEquals(e.sha256().orElseThrow(), ContentHash.of(copy));
        assertEquals(e.number(), CertifiedCopyReader.read(copy).orElseThrow().mark().number());
        assertEquals(Verdict.VALID, verifier.verify(copy).verdict(), e.toString());
      }
    }
  }

  private Process issueLoop(String url, DocumentId original, RegisterBook book, int index)
      throws Exception {
    Path work = Files.createDirectories(dir.resolve("work-" + index));
    // The quick compiler only, as scripts/sohoa starts 'sohoa certify': a few copies are over
    // before the optimising compiler's work pays.
    return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        IssueLoop.class.getName(), url,
        dir.resolve("data/store").toString(), work.toString(), dir.resolve("pki").toString(),
        original.value(), book.code(), String.valueOf(PER_PROCESS))
        .redirectErrorStream(true).start();
  }

  /**
   * SIGKILLs {@code victim} the moment the register shows it holding a reserved number.
   *
   * @return the entry it held
   */
  private static RegisterEntry killWhileHoldingANumber(Process victim, CertificationService service,
      RegisterBook book) throws Exception {
    String holder = InetAddress.getLocalHost().getHostName() + ":" + victim.pid() + ":";
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < deadline) {
      Optional<RegisterEntry> holding = service.register().reserved().stream()
          .filter(e -> e.book().equals(book) && e.holder().startsWith(holder)).findFirst();
      if (holding.isPresent()) {
        victim.destroyForcibly().waitFor();
        return holding.get();
      }
      if (!victim.isAlive()) {
        throw new AssertionError("the process to kill finished first: "
            + new String(victim.getInputStream().readAllBytes()));
      }
      Thread.sleep(2);
    }
    throw new AssertionError("the process to kill never held a number");
  }
}
