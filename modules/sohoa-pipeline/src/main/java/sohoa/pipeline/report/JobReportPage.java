package sohoa.pipeline.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import sohoa.core.error.StorageFailure;
import sohoa.core.files.AtomicFile;

/**
 * Renders a {@link ReportView} as one HTML file with its styles and pictures inside: it opens
 * offline, from a USB stick or a mail attachment, and prints. Thymeleaf escapes every value, so
 * a file name or OCR text cannot inject markup.
 */
public final class JobReportPage {
  private final TemplateEngine engine = new TemplateEngine();

  public JobReportPage() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(
        JobReportPage.class.getClassLoader());
    resolver.setPrefix("sohoa/pipeline/report/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    engine.setTemplateResolver(resolver);
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
    Context context = new Context(Locale.forLanguageTag("vi-VN"));
    context.setVariable("r", view);
    engine.process("job-report", context, out);
  }
}
