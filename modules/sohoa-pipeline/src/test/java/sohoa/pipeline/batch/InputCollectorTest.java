package sohoa.pipeline.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohoa.core.error.ConfigurationError;

class InputCollectorTest {
  @TempDir Path dir;

  private Path file(String name) throws Exception {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, name);
  }

  @Test
  void collect_folder_isEveryFileBelowItInNameOrder() throws Exception {
    Path b = file("ho-so/b.tif");
    Path a = file("ho-so/2024/a.jpg");
    file("ho-so/.an/c.png");
    file("ho-so/.DS_Store");

    Inputs inputs = InputCollector.collect(List.of(dir.resolve("ho-so").toString()));

    assertEquals(List.of(a, b), inputs.files());
  }

  @Test
  void collect_symbolicLinkInFolder_isPassedOverWithAReason() throws Exception {
    Path outside = file("ngoai/bi-mat.pdf");
    Path folder = Files.createDirectories(dir.resolve("ho-so"));
    Files.createSymbolicLink(folder.resolve("link.pdf"), outside);

    Inputs inputs = InputCollector.collect(List.of(folder.toString()));

    assertEquals(List.of(), inputs.files());
    assertEquals(List.of(folder.resolve("link.pdf")
        + ": a symbolic link inside an input folder is not followed"), inputs.passedOver());
  }

  @Test
  void collect_listFile_readsPathsRelativeToTheListSkippingComments() throws Exception {
    Path a = file("lo-1/a.tif");
    Path list = Files.writeString(dir.resolve("danh-sach.txt"),
        "# hồ sơ tháng 10\nlo-1/a.tif\n\nlo-1/a.tif\nkhong-co.pdf\n");

    Inputs inputs = InputCollector.collect(List.of("@" + list));

    assertEquals(List.of(a, dir.resolve("khong-co.pdf")), inputs.files(),
        "named twice is read once; a missing entry stays, to fail on its own");
  }

  @Test
  void collect_missingPathOnTheCommandLine_isAConfigurationError() {
    ConfigurationError e = assertThrows(ConfigurationError.class,
        () -> InputCollector.collect(List.of(dir.resolve("khong-co").toString())));

    assertTrue(e.getMessage().startsWith("no such file or folder: "), e.getMessage());
  }
}
