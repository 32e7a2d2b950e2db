package sohoa.pipeline.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohoa.catalog.JobRecord;
import sohoa.core.error.EmptyInput;
import sohoa.core.error.StorageFailure;
import sohoa.extract.file.TestMetadataReader;
import sohoa.ocr.OcrConfig;
import sohoa.pdf.input.InputLimits;
import sohoa.pipeline.DigitizeOptions;
import sohoa.pipeline.OutputFormat;
import sohoa.pipeline.PipelineListener;
import sohoa.pipeline.Digitiser;
import sohoa.pipeline.Workspace;
import sohoa.testkit.fixtures.BadFiles;
import sohoa.testkit.fixtures.Fixtures;
import sohoa.testkit.fixtures.ScanDefects;
import sohoa.testkit.fixtures.ScanFiles;

class FolderWatcherTest {
  @TempDir Path dir;

  /** A clock the test moves by hand. */
  private static final class HandClock extends Clock {
    private Instant now = Instant.parse("2026-10-08T02:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  @Test
  void look_takesAFileOnlyOnceItHasSettled_andLeavesPartialOnesAlone() throws Exception {
    Path inbox = Files.createDirectories(dir.resolve("inbox"));
    Files.writeString(inbox.resolve("to-khai.png"), "scan");
    Files.writeString(inbox.resolve("dang-chep.png.part"), "half");
    Files.writeString(inbox.resolve(".tam.png"), "hidden");
    HandClock clock = new HandClock();
    List<String> taken = new ArrayList<>();
    FolderWatcher watcher = new FolderWatcher(inbox, Duration.ofSeconds(2),
        (file, name) -> taken.add(name), clock);

    assertEquals(List.of(), watcher.look().taken(), "just seen: it may still be growing");
    Files.writeString(inbox.resolve("to-khai.png"), "scan, more of it");
    clock.advance(Duration.ofSeconds(3));
    assertEquals(List.of(), watcher.look().taken(), "it grew since the last look");
    clock.advance(Duration.ofSeconds(3));
    Look look = watcher.look();

    assertEquals(List.of("to-khai.png"), taken);
    assertEquals(List.of(inbox.resolve("done/to-khai.png").toString()), look.taken());
    assertTrue(Files.exists(inbox.resolve("dang-chep.png.part")));
    assertTrue(Files.exists(inbox.resolve(".tam.png")));
    assertFalse(Files.exists(inbox.resolve("to-khai.png")));
  }

  @Test
  void look_quarantinesARejectedInputWithItsReason_andKeepsOneTheStoreRefusedForNextTime()
      throws Exception {
    Path inbox = Files.createDirectories(dir.resolve("inbox"));
    Files.writeString(inbox.resolve("hong.tif"), "x");
    Files.writeString(inbox.resolve("cho.tif"), "y");
    FolderWatcher watcher = new FolderWatcher(inbox, Duration.ZERO, (file, name) -> {
      if (name.equals("hong.tif")) {
        throw new EmptyInput("the file is empty", "scan it again");
      }
      throw new StorageFailure("the store is down", "start the store", null);
    }, Clock.systemUTC());

    Look look = watcher.look();

    assertEquals(List.of(inbox.resolve("quarantine/hong.tif").toString()), look.quarantined());
    assertTrue(Files.readString(inbox.resolve("quarantine/hong.tif.error.txt"))
        .contains("reason:  the file is empty"));
    assertEquals(1, look.retried().size());
    assertTrue(look.retried().get(0).startsWith("cho.tif: the store is down"));
    assertTrue(Files.exists(inbox.resolve("cho.tif")));
  }

  @Test
  void look_quarantinesAScanALibraryBrokeOn_andGoesOnWatching() throws Exception {
    Path inbox = Files.createDirectories(dir.resolve("inbox"));
    Files.writeString(inbox.resolve("doc-hong.pdf"), "x");
    Files.writeString(inbox.resolve("tot.png"), "y");
    FolderWatcher watcher = new FolderWatcher(inbox, Duration.ZERO, (file, name) -> {
      if (name.equals("doc-hong.pdf")) {
        throw new IllegalStateException("a reader met what it did not expect");
      }
    }, Clock.systemUTC());

    Look look = watcher.look();

    assertEquals(List.of(inbox.resolve("quarantine/doc-hong.pdf").toString()),
        look.quarantined());
    assertTrue(Files.readString(inbox.resolve("quarantine/doc-hong.pdf.error.txt"))
        .contains("internal-error"), "kept with the code of a library's failure");
    assertEquals(List.of(inbox.resolve("done/tot.png").toString()), look.taken());
  }

  @Test
  void digitising_digitisesEachScanDroppedIn_andRecordsTheJob() throws Exception {
    Path inbox = Files.createDirectories(dir.resolve("inbox"));
    Fixtures.Rendered notice = Fixtures.render(Fixtures.NOTICE, 200, ScanDefects.NONE);
    ScanFiles.png(notice.pages().get(0), 200, inbox.resolve("thong-bao.png"));
    BadFiles.zeroBytes(inbox.resolve("rong.png"));
    DigitizeOptions options = new DigitizeOptions(2, OcrConfig.vietnamese(), InputLimits.DEFAULT,
        EnumSet.of(OutputFormat.PDFA), DigitizeOptions.DEFAULT_REVIEW_BELOW, false);
    try (Digitiser digitiser = Digitiser.embedded(Workspace.create(dir.resolve("data")), options,
        TestMetadataReader.shared(), Clock.systemUTC())) {
      FolderWatcher watcher = new FolderWatcher(inbox, Duration.ZERO,
          Arrivals.digitising(digitiser, "mot-cua", PipelineListener.NONE), Clock.systemUTC());

      Look look = watcher.look();

      assertEquals(List.of(inbox.resolve("done/thong-bao.png").toString()), look.taken());
      assertEquals(List.of(inbox.resolve("quarantine/rong.png").toString()), look.quarantined());
      JobRecord job = digitiser.catalog().jobs().find("mot-cua").orElseThrow();
      assertEquals(List.of(2, 1, 1, 0), List.of(job.inputs(), job.done(), job.failed(),
          job.pending()));
      assertEquals(1, digitiser.catalog().documents().count());
    }
  }
}
