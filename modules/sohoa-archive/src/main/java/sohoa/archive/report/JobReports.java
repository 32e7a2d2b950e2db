package sohoa.archive.report;

import java.nio.file.Path;
import java.time.Clock;
import sohoa.catalog.Catalog;
import sohoa.core.error.NotFound;
import sohoa.core.error.StorageFailure;
import sohoa.core.i18n.Messages;
import sohoa.pipeline.Digitiser;
import sohoa.pipeline.Workspace;
import sohoa.store.ObjectStore;

/**
 * Writes a job's report, in the officers' language, where officers look for it: {@code
 * jobs/<job>/report.html} in the data folder, beside the summary its batch wrote. Thread-safe.
 */
public final class JobReports {
  private final Workspace workspace;
  private final JobReportBuilder builder;
  private final JobReportPage page;

  public JobReports(Catalog catalog, ObjectStore store, Workspace workspace, Clock clock,
      Messages words) {
    this.workspace = workspace;
    this.builder = new JobReportBuilder(catalog, store, workspace.work(), clock, words);
    this.page = new JobReportPage(words);
  }

  /** The reports of the jobs {@code sohoa} runs. */
  public static JobReports of(Digitiser digitiser) {
    return new JobReports(digitiser.catalog(), digitiser.store(), digitiser.workspace(),
        digitiser.clock(), digitiser.officers());
  }

  /** Where the report of {@code jobId} is kept. */
  public Path file(String jobId) {
    return workspace.jobs().resolve(jobId).resolve("report.html");
  }

  /** Writes the report of {@code jobId} where it is kept; the file written. */
  public Path write(String jobId) throws StorageFailure, NotFound {
    return write(jobId, file(jobId));
  }

  /** Writes the report of {@code jobId} to {@code file}; the file written. */
  public Path write(String jobId, Path file) throws StorageFailure, NotFound {
    page.write(builder.build(jobId, file), file);
    return file;
  }
}
