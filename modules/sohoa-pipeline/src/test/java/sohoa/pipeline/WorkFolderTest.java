package sohoa.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohoa.core.document.DocumentId;
import sohoa.core.process.Holder;

class WorkFolderTest {
  private static final DocumentId ID = new DocumentId("0123456789abcdef0123456789abcdef");
  @TempDir Path work;

  @Test
  void sweep_removesTheFoldersOfGoneProcesses_keepsThoseOfLivingOnesAndRecentOtherHosts()
      throws Exception {
    Holder self = Holder.current();
    Process finished = new ProcessBuilder("true").start();
    finished.waitFor();
    Path killed = folder(new Holder(self.host(), finished.pid(), 1L), Instant.now());
    Path living = folder(self, Instant.now());
    Path elsewhere = folder(new Holder("may-chu-khac", 42, 1L), Instant.now());
    Path elsewhereLongAgo = folder(new Holder("may-chu-cu", 42, 1L),
        Instant.now().minus(Duration.ofDays(8)));
    Path notOurs = Files.createDirectories(work.resolve("tasks"));

    WorkFolder.sweep(work, self, Clock.systemUTC());

    assertEquals(List.of(living, elsewhere, notOurs).stream().sorted().toList(), left(),
        "the killed process's folder and the week-old one from another host are gone");
    assertEquals(List.of(living.resolve("pdfa.pdf")), files(living), "kept whole");
  }

  private Path folder(Holder holder, Instant modified) throws Exception {
    Path folder = Files.createDirectories(WorkFolder.of(work, ID, holder));
    Files.write(folder.resolve("pdfa.pdf"), new byte[1024]);
    Files.setLastModifiedTime(folder, FileTime.from(modified));
    return folder;
  }

  private List<Path> left() throws Exception {
    try (Stream<Path> folders = Files.list(work)) {
      return folders.sorted().toList();
    }
  }

  private static List<Path> files(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.toList();
    }
  }
}
