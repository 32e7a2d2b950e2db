package sohoa.archive.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import sohoa.core.i18n.Messages;
import sohoa.extract.file.TestMetadataReader;
import sohoa.ocr.OcrConfig;
import sohoa.pdf.input.InputLimits;
import sohoa.pipeline.BatchSummary;
import sohoa.pipeline.DigitizeOptions;
import sohoa.pipeline.OutputFormat;
import sohoa.pipeline.PipelineListener;
import sohoa.pipeline.Digitiser;
import sohoa.pipeline.Workspace;
import sohoa.pipeline.batch.BatchRunner;
import sohoa.pipeline.batch.Inputs;
import sohoa.testkit.browser.Chromium;
import sohoa.testkit.fixtures.BadFiles;
import sohoa.testkit.fixtures.Fixtures;
import sohoa.testkit.fixtures.ScanDefects;
import sohoa.testkit.fixtures.ScanFiles;
import sohoa.testkit.text.OfficerLanguage;

/**
 * The report of a job with a good document, a document read with low confidence and a file that
 * failed, as an officer sees it in Chromium at an office PC's screen size.
 */
class JobReportTest {
  /** Between the clean scan's confidence (above 90) and the speckled one's (75 here). */
  private static final float REVIEW_BELOW = 85f;
  private static final String JOB = "bao-cao";
  @TempDir static Path dir;
  private static Path data;

  /** One job, digitised once, whose report both tests read. */
  @BeforeAll
  static void digitise() throws Exception {
    Fixtures.Rendered speckled = Fixtures.render(Fixtures.NOTICE, 300,
        new ScanDefects(0, 0, 0.06, false, 7));
    data = dir.resolve("data");
    Path in = Files.createDirectories(dir.resolve("in"));
    // The repository's sample decision: its header fields are read, so the report lists them.
    Path good = Files.copy(Path.of("../../samples/scans/01-quyet-dinh-ubnd-xa.tif"),
        in.resolve("quyet-dinh.tif"));
    Path poor = in.resolve("thong-bao-mo.png");
    ScanFiles.png(speckled.pages().get(0), 300, poor);
    Path bad = in.resolve("cat-ngang.png");
    BadFiles.truncated(poor, bad, 0.3);
    DigitizeOptions options = new DigitizeOptions(2, OcrConfig.vietnamese(), InputLimits.DEFAULT,
        EnumSet.of(OutputFormat.PDFA, OutputFormat.TXT), REVIEW_BELOW, false);
    try (Digitiser digitiser = Digitiser.embedded(Workspace.create(data), options,
        TestMetadataReader.shared(), Clock.systemUTC())) {
      BatchSummary summary = new BatchRunner(digitiser, PipelineListener.NONE)
          .run(JOB, new Inputs(List.of(good, poor, bad), List.of()));
      assertEquals(List.of(2L, 1L, 1L), List.of(summary.digitised(), summary.failed(),
          summary.pagesNeedingReview()), "the job this report is about");
      assertEquals(data.resolve("jobs").resolve(JOB).resolve("report.html"),
          JobReports.of(digitiser).write(JOB), "kept beside the job's summary");
    }
  }

  @Test
  void report_showsFailuresAndPagesToReviewFirst_inChromium() throws Exception {
    Path report = data.resolve("jobs").resolve(JOB).resolve("report.html");
    String html = Files.readString(report);
    assertFalse(html.matches("(?s).*(src|href)=\"(https?:)?//.*"), "nothing fetched from outside");
    assertFalse(html.contains("??"), "a key the catalogue lacks");

    WebDriver browser = Chromium.desktop();
    try {
      browser.get(report.toUri().toString());
      Chromium.fullPage(browser, Path.of("target", "browser", "job-report.png"));
      assertEquals("Báo cáo số hoá bao-cao", browser.findElement(By.tagName("h1")).getText());
      assertEquals("3", browser.findElement(By.id("inputs")).getText());
      assertEquals("2", browser.findElement(By.id("done")).getText());
      assertEquals("1", browser.findElement(By.id("failed")).getText());
      assertEquals("1", browser.findElement(By.id("review-pages")).getText());

      List<WebElement> documents = browser.findElements(By.cssSelector("article.document"));
      assertEquals(3, documents.size());
      WebElement failed = documents.get(0);
      assertTrue(failed.findElement(By.tagName("h2")).getText().endsWith("cat-ngang.png"));
      assertEquals("failed", failed.getAttribute("data-status"));
      assertEquals("Tệp bị cắt cụt: thiếu một phần nội dung.",
          failed.findElement(By.className("reason")).getText(), failed.getText());
      assertEquals("Chép hoặc tải lại tệp; nếu vẫn thiếu, quét lại văn bản.",
          failed.findElement(By.className("remedy")).getText());
      assertTrue(failed.findElement(By.cssSelector(".detail [lang=en]")).getText()
          .contains("cut short"), "the technical detail, marked as English");
      String officerReads = (String) ((JavascriptExecutor) browser).executeScript("var b ="
          + " document.body.cloneNode(true); b.querySelectorAll('[lang=en]').forEach(function(e)"
          + " { e.remove(); }); return b.innerText;");
      assertEquals(List.of(), OfficerLanguage.englishIn(officerReads),
          "English in what an officer reads: " + officerReads);

      WebElement review = documents.get(1);
      assertTrue(review.findElement(By.tagName("h2")).getText().endsWith("thong-bao-mo.png"));
      assertEquals("1 trang cần kiểm tra",
          review.findElement(By.className("review-count")).getText());
      assertEquals("cần kiểm tra", review.findElement(By.className("needs-review")).getText()
          .replace("·", "").strip());
      assertTrue(review.findElement(By.cssSelector("figure.low img")).isDisplayed());

      WebElement good = documents.get(2);
      assertTrue(good.findElement(By.tagName("h2")).getText().endsWith("quyet-dinh.tif"));
      assertEquals("Đã số hoá", good.findElement(By.className("badge")).getText());
      assertTrue(good.findElement(By.cssSelector(".strip .good")).isDisplayed());
      String fields = good.findElement(By.className("fields")).getText();
      assertTrue(fields.contains("Cơ quan ban hành\nỦY BAN NHÂN DÂN XÃ"), fields);
      assertTrue(fields.contains("Số, ký hiệu\n125/QĐ-UBND"), fields);
      for (WebElement img : browser.findElements(By.cssSelector("figure img"))) {
        Object width = ((JavascriptExecutor) browser)
            .executeScript("return arguments[0].naturalWidth", img);
        assertEquals(180L, width, "every page picture is inside the file and decodes");
      }
      WebElement pdfa = good.findElement(By.cssSelector("a[data-kind=pdfa]"));
      String href = pdfa.getDomAttribute("href");
      assertTrue(href.startsWith("../../store/documents/"), "relative: the folder can move");
      assertTrue(Files.isRegularFile(report.getParent().resolve(href)), "reaches the PDF/A");
    } finally {
      browser.quit();
    }
  }

  @Test
  void report_inEnglish_whenTheOfficersReadEnglish() throws Exception {
    Path report = dir.resolve("report-en.html");
    Messages english = Messages.of(Locale.ENGLISH);
    try (Digitiser digitiser = Digitiser.embedded(Workspace.create(data),
        DigitizeOptions.defaults(), TestMetadataReader.shared(),
        Clock.systemUTC())) {
      new JobReports(digitiser.catalog(), digitiser.store(), digitiser.workspace(),
          Clock.systemUTC(),
          english).write(JOB, report);
    }
    String html = Files.readString(report);

    assertTrue(html.contains("<html lang=\"en\">"), "declared English");
    assertTrue(html.contains("Digitisation report bao-cao"), html);
    assertTrue(html.contains("The file is cut short"), "the reason in English: " + html);
    assertTrue(html.contains("Issuing agency"), "field names in English");
    assertTrue(html.contains("Archival PDF/A"), "artifact names in English");
    assertFalse(html.contains("Đã số hoá") || html.contains("cần kiểm tra"), html);
    assertFalse(html.contains("??"), "a key the catalogue lacks");
  }
}
