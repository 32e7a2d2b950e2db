package sohoa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built command finds a digitised sample by its fields and folded words, and shows it. */
class ShowAndSearchIT {
  @TempDir static Path dir;
  static Path data;
  static String id;

  @BeforeAll
  static void digitizeASample() throws Exception {
    data = dir.resolve("data");
    SohoaProcess.Result run = SohoaCli.run("digitize",
        SohoaProcess.ROOT.resolve("samples/scans/01-quyet-dinh-ubnd-xa.tif").toString(),
        "--data", data.toString());
    assertEquals(0, run.exitCode(), run.err());
    Matcher m = Pattern.compile("-> ([0-9a-f]{32})").matcher(run.out() + run.err());
    assertTrue(m.find(), run.out());
    id = m.group(1);
  }

  @Test
  void search_foldedWordsAndFields_findTheDecision() throws Exception {
    SohoaProcess.Result words = SohoaCli.run("search", "quyet dinh", "125",
        "--data", data.toString());
    SohoaProcess.Result byField = SohoaCli.run("search", "--agency", "xa xuan lai",
        "--type", "Quyết định", "--from", "2023-10-01", "--to", "2023-10-31",
        "--data", data.toString());
    SohoaProcess.Result none = SohoaCli.run("search", "--number", "126/QĐ",
        "--data", data.toString());

    assertEquals(0, words.exitCode(), words.err());
    assertTrue(words.out().contains(id), words.out());
    assertTrue(byField.out().contains(id), byField.out());
    assertTrue(none.out().contains("0 documents"), none.out());
  }

  @Test
  void show_printsTheFieldsReadOffTheDocument() throws Exception {
    SohoaProcess.Result shown = SohoaCli.run("show", id, "--data", data.toString());

    assertEquals(0, shown.exitCode(), shown.err());
    assertTrue(shown.out().contains("125/QĐ-UBND"), shown.out());
    assertTrue(shown.out().contains("2023-10-08"), shown.out());
    assertTrue(shown.out().contains("Xuân Lai"), shown.out());
    assertTrue(shown.out().contains("file (as the input describes itself)"), shown.out());
  }

  @Test
  void show_unknownId_saysSoAndExitsOne() throws Exception {
    SohoaProcess.Result shown = SohoaCli.run("show", "0".repeat(32), "--data",
        data.toString());

    assertEquals(1, shown.exitCode());
    assertTrue(shown.err().contains("no document"), shown.err());
  }
}
