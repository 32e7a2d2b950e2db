package sohoa.certify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import sohoa.core.document.DocumentId;
import sohoa.pipeline.DigitizeOptions;
import sohoa.pipeline.DocumentOutcome;
import sohoa.pipeline.PipelineListener;
import sohoa.pipeline.Sohoa;
import sohoa.pipeline.Workspace;
import sohoa.testkit.fixtures.Fixtures;
import sohoa.testkit.fixtures.ScanDefects;
import sohoa.testkit.fixtures.ScanFiles;

/** Originals for the tests, digitised by the real pipeline (Tesseract included). */
public final class Originals {
  private Originals() {}

  /** Opens the embedded deployment in {@code data}; the caller closes it. */
  public static Sohoa deployment(Path data) throws Exception {
    return Sohoa.embedded(Workspace.create(data), DigitizeOptions.defaults(),
        Clock.systemUTC());
  }

  /** A one-page scanned notice (thông báo), digitised into {@code sohoa}. */
  public static DocumentId notice(Sohoa sohoa, Path folder) throws Exception {
    Path scan = folder.resolve("thong-bao.pdf");
    Files.createDirectories(folder);
    ScanFiles.scannedPdf(List.of(Fixtures.render(Fixtures.NOTICE, 300, ScanDefects.NONE)
        .pages().get(0)), 300, scan);
    DocumentOutcome outcome = sohoa.pipeline().process(scan, PipelineListener.NONE);
    if (!(outcome instanceof DocumentOutcome.Digitised digitised)) {
      throw new IllegalStateException("the fixture was not digitised: " + outcome);
    }
    return digitised.id();
  }
}
