package sohoa.certify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import sohoa.core.document.DocumentId;
import sohoa.core.i18n.Messages;
import sohoa.extract.file.TestMetadataReader;
import sohoa.pipeline.Deployment;
import sohoa.pipeline.DigitizeOptions;
import sohoa.pipeline.DocumentOutcome;
import sohoa.pipeline.PipelineListener;
import sohoa.pipeline.Digitiser;
import sohoa.pipeline.Workspace;
import sohoa.testkit.fixtures.Fixtures;
import sohoa.testkit.fixtures.ScanDefects;
import sohoa.testkit.fixtures.ScanFiles;
import sohoa.testkit.ocr.ScriptedEngine;

/**
 * Originals for the tests that are not about OCR (certifying, serving): digitised by the real
 * pipeline, whose OCR engine reads the notice as it was printed ({@link ScriptedEngine}) instead
 * of spending Tesseract's seconds on it.
 */
public final class Originals {
  private static final Fixtures.Rendered NOTICE =
      Fixtures.render(Fixtures.NOTICE, 300, ScanDefects.NONE);

  private Originals() {}

  /** Opens the embedded deployment in {@code data}; the caller closes it. */
  public static Digitiser deployment(Path data) throws Exception {
    Workspace workspace = Workspace.create(data);
    return deployment(workspace, Deployment.embedded(workspace));
  }

  /** Opens {@code deployment}, with {@code workspace} for its work files; the caller closes it. */
  public static Digitiser deployment(Workspace workspace, Deployment deployment) throws Exception {
    return Digitiser.open(workspace, DigitizeOptions.defaults(), Optional.empty(), deployment,
        TestMetadataReader.shared(), Messages.forOfficers(), ScriptedEngine.reading(NOTICE),
        Clock.systemUTC());
  }

  /** A one-page scanned notice (thông báo), digitised into {@code sohoa}. */
  public static DocumentId notice(Digitiser digitiser, Path folder) throws Exception {
    Path scan = folder.resolve("thong-bao.pdf");
    Files.createDirectories(folder);
    ScanFiles.scannedPdf(List.of(NOTICE.pages().get(0)), 300, scan);
    DocumentOutcome outcome = digitiser.pipeline().process(scan, PipelineListener.NONE);
    if (!(outcome instanceof DocumentOutcome.Digitised digitised)) {
      throw new IllegalStateException("the fixture was not digitised: " + outcome);
    }
    return digitised.id();
  }
}
