package sohoa.archive.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.thymeleaf.context.Context;
import sohoa.core.error.StorageFailure;
import sohoa.core.files.AtomicFile;
import sohoa.core.i18n.Messages;
import sohoa.pipeline.page.PageTemplates;

/**
 * Renders a {@link ReportView} as one HTML file with its styles and pictures inside: it opens
 * offline, from a USB stick or a mail attachment, and prints. Its words are the catalogue's, in
 * the language the report was asked in.
 */
public final class JobReportPage {
  private final PageTemplates templates;

  public JobReportPage(Messages words) {
    templates = new PageTemplates(JobReportPage.class, "sohoa/archive/report", words);
  }

  /**
   * Writes the report to {@code file}, whole or not at all (a temporary file, then a move), and
   * as private as that file (600): it names citizens' documents.
   */
  public void write(ReportView view, Path file) throws StorageFailure {
    try {
      AtomicFile.write(file, out -> {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        render(view, writer);
        writer.flush();
      });
    } catch (IOException e) {
      throw new StorageFailure("cannot write the job report " + file + ": " + e.getMessage(),
          "check free space and rights where the report goes", e);
    }
  }

  /** Writes the page as it is made: documents are rendered, and forgotten, one at a time. */
  public void render(ReportView view, Writer out) {
    Context context = templates.context();
    context.setVariable("r", view);
    templates.render("job-report", context, out);
  }
}
