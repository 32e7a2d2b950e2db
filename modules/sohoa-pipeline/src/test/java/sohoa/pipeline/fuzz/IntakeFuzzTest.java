package sohoa.pipeline.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohoa.core.document.InputFormat;
import sohoa.core.error.InputRejected;
import sohoa.extract.ContentTypeDetector;
import sohoa.pdf.input.InputLimits;
import sohoa.pdf.input.PageImage;
import sohoa.pdf.input.PageSource;
import sohoa.pdf.input.PageSources;
import sohoa.testkit.fixtures.BadFiles;
import sohoa.testkit.fixtures.Mutants;

/**
 * {@link Mutants} over the intake (content detection, opening, reading and decoding every page):
 * checks that each mutant is read or refused with an {@link InputRejected}, never a crash, a hang
 * or an allocation the heap cannot hold. Bounded for CI ({@code -Dsohoa.fuzz.mutants},
 * {@code -Dsohoa.fuzz.seconds}); the seed is printed, and what it finds is written to {@code target/fuzz-findings/} to become a
 * regression file.
 */
// The module's longest class starts first, so that it does not end alone while the other
// classes are done (two run at a time: the parent pom's sohoa.test.classes).
@Order(1)
class IntakeFuzzTest {
  private static final long SEED = Long.getLong("sohoa.fuzz.seed", 20261129L);
  /**
   * The same mutants on every machine (a count, not a time, decides how many), so that CI does
   * not find on a fast machine what it did not try on a slow one; the time is a cap.
   */
  private static final int MUTANTS = Integer.getInteger("sohoa.fuzz.mutants", 8000);
  private static final int SECONDS = Integer.getInteger("sohoa.fuzz.seconds", 90);
  /** One mutant gets this long: the slowest legitimate one-page scan opens in well under it. */
  private static final int MUTANT_SECONDS = 20;
  private static final InputLimits LIMITS = InputLimits.DEFAULT.withMaxPixels(20_000_000);
  private static final Path FINDINGS = Path.of("target/fuzz-findings");
  private static final Path REGRESSIONS = Path.of("src/test/resources/fuzz-regressions");

  @TempDir static Path dir;
  private static final List<byte[]> seeds = new ArrayList<>();
  private static final ThreadMXBean ALLOCATIONS =
      (ThreadMXBean) ManagementFactory.getThreadMXBean();
  private final ContentTypeDetector detector = new ContentTypeDetector();
  /** The most one read allocated, printed so that the margin under the allowance is seen. */
  private volatile long mostAllocated;

  @BeforeAll
  static void seeds() throws Exception {
    seeds.addAll(Mutants.seeds(dir.resolve("seeds")));
  }

  @Test
  void intake_mutatedScans_areReadOrRefused_neverCrashHangOrExhaustTheHeap() throws Exception {
    System.out.println("intake fuzz: seed " + SEED + ", " + MUTANTS + " mutants, at most "
        + SECONDS + " s");
    Random random = new Random(SEED);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
    List<String> findings = new ArrayList<>();
    int mutants = 0;
    int refused = 0;
    ExecutorService runner = runner();
    try {
      while (mutants < MUTANTS && System.nanoTime() < deadline) {
        byte[] mutant = Mutants.mutate(seeds.get(random.nextInt(seeds.size())), random);
        Path file = Files.write(dir.resolve("mutant-" + mutants), mutant);
        mutants++;
        String verdict = read(runner, file);
        if (verdict.equals("refused")) {
          refused++;
        } else if (!verdict.equals("read")) {
          Files.createDirectories(FINDINGS);
          Path kept = Files.copy(file, FINDINGS.resolve("mutant-" + SEED + "-" + mutants));
          findings.add(kept + ": " + verdict);
          if (verdict.startsWith("hang")) {
            runner.shutdownNow();
            runner = runner();
          }
        }
        Files.delete(file);
      }
    } finally {
      runner.shutdownNow();
    }
    System.out.printf("intake fuzz: %d mutants, %d refused, %d read, %d findings; at most %d MB"
        + " allocated for one%n", mutants, refused, mutants - refused - findings.size(),
        findings.size(), mostAllocated >> 20);
    assertTrue(mutants > 50, "the fuzzer ran: " + mutants + " mutants");
    assertTrue(refused > 0 && refused < mutants, "mutants both read and refused");
    assertEquals(List.of(), findings);
  }

  @Test
  void intake_tiffStripClaimingGigabytes_isRefusedWithoutAllocatingThem() throws Exception {
    Path tiff = BadFiles.tiffStripClaiming(Mutants.seedPage(), 1_500_000_000L,
        dir.resolve("strip.tif"));

    ExecutorService runner = runner();
    try {
      assertEquals("refused", read(runner, tiff));
    } finally {
      runner.shutdownNow();
    }
  }

  @Test
  void intake_regressionFiles_areReadOrRefused() throws Exception {
    ExecutorService runner = runner();
    try (Stream<Path> files = Files.list(REGRESSIONS)) {
      for (Path file : files.filter(f -> !f.getFileName().toString().endsWith(".md")).toList()) {
        String verdict = read(runner, file);
        assertTrue(verdict.equals("read") || verdict.equals("refused"), file + ": " + verdict);
      }
    } finally {
      runner.shutdownNow();
    }
    assertTrue(Files.exists(REGRESSIONS.resolve("README.md")), "the regression corpus is there");
  }

  /** One thread that reads mutants; replaced when one hangs it. */
  private static ExecutorService runner() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread thread = new Thread(r, "fuzz-intake");
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * "read", "refused", or what went wrong: the crash, "hang", or more allocated than the file's
   * pages can need. This JVM's heap holds what a reader allocates because a header field says so
   * (a 2 GB strip in a 20 KB TIFF), where a 512 MB server's does not: so what each read allocates
   * is counted, against sixteen times its pages' pixels (the raster, the reader's buffers and
   * conversions), eight times the file, and 64 MB.
   */
  private String read(ExecutorService runner, Path file) throws InterruptedException {
    Future<String> result = runner.submit(() -> {
      long before = ALLOCATIONS.getCurrentThreadAllocatedBytes();
      long pixels = 0;
      String verdict;
      try {
        InputFormat format = detector.detect(file);
        try (PageSource pages = PageSources.open(file, format, LIMITS)) {
          for (int number = 1; number <= Math.min(3, pages.pageCount()); number++) {
            PageImage image = pages.page(number).image();
            pixels += (long) image.width() * image.height();
            image.decode();
          }
        }
        verdict = "read";
      } catch (InputRejected e) {
        verdict = "refused";
      } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
        return "crash: " + e;
      }
      long allocated = ALLOCATIONS.getCurrentThreadAllocatedBytes() - before;
      long allowed = (64L << 20) + 16 * pixels + 8 * Files.size(file);
      mostAllocated = Math.max(mostAllocated, allocated);
      return allocated <= allowed ? verdict : verdict + " after allocating " + (allocated >> 20)
          + " MB, more than its pages and size need (" + (allowed >> 20) + " MB)";
    });
    try {
      return result.get(MUTANT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      result.cancel(true);
      return "hang: more than " + MUTANT_SECONDS + " s";
    } catch (ExecutionException e) {
      return "crash: " + e.getCause();
    }
  }
}
