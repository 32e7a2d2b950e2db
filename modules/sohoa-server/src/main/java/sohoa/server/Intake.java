package sohoa.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import sohoa.archive.report.JobReports;
import sohoa.console.Uploads;
import sohoa.pipeline.Announcer;
import sohoa.pipeline.PipelineListener;
import sohoa.pipeline.Digitiser;
import sohoa.pipeline.batch.BatchRunner;
import sohoa.pipeline.batch.Inputs;

/**
 * Streaming intake over HTTP: an uploaded scan is written to the work folder (never whole in
 * memory, at most {@code maxBytes}), then digitised as a one-input job in the background; the
 * job's outcome is in the catalog like any batch's.
 */
final class Intake implements Uploads {
  /** A scan takes seconds to digitise: a place is free again within half a minute. */
  private static final int RETRY_SECONDS = 30;
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final Digitiser digitiser;
  private final ExecutorService jobs;
  private final long maxBytes;
  private final SecureRandom random = new SecureRandom();
  /** Jobs accepted and not yet started: their status is "queued" until the catalog has them. */
  private final Set<String> queued = ConcurrentHashMap.newKeySet();
  /** Pages read so far by the jobs running, for the console's progress bar. */
  private final Map<String, Progress> running = new ConcurrentHashMap<>();

  /** Places for uploads accepted and not yet digitised: admission control. */
  private final Semaphore places;
  private final int maxQueued;
  private final Metrics metrics;
  /** Tells subscribed systems of each scan digitised here, once, as any other intake does. */
  private final Announcer announcer;
  private final JobReports reports;

  Intake(Digitiser digitiser, ExecutorService jobs, long maxBytes, int maxQueued, Metrics metrics,
      Announcer announcer) {
    this.announcer = announcer;
    this.digitiser = digitiser;
    this.reports = JobReports.of(digitiser);
    this.jobs = jobs;
    this.maxBytes = maxBytes;
    this.maxQueued = maxQueued;
    this.places = new Semaphore(maxQueued);
    this.metrics = metrics;
  }

  /** Takes the upload and starts its job; returns the job's id. */
  @Override
  public String submit(InputStream body, String fileName) throws IOException, Full {
    if (!places.tryAcquire()) {
      // Refused before a byte is read: a flood waits at its clients, not in this server.
      throw new Full(maxQueued, RETRY_SECONDS);
    }
    try {
      return accept(body, fileName);
    } catch (IOException | RuntimeException e) {
      places.release();
      throw e;
    }
  }

  /** Writes the upload to the work folder and starts its job, which frees its place. */
  private String accept(InputStream body, String fileName) throws IOException {
    byte[] suffix = new byte[4];
    random.nextBytes(suffix);
    String jobId = "upload-" + STAMP.format(digitiser.clock().instant()) + "-"
        + HexFormat.of().formatHex(suffix);
    Path folder = Files.createDirectories(digitiser.workspace().work().resolve("uploads")
        .resolve(jobId));
    Path file = folder.resolve(fileName);
    long written = 0;
    try (InputStream in = body; OutputStream out = Files.newOutputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        written += n;
        if (written > maxBytes) {
          throw new ApiProblem(413, "Content Too Large", "the scan is larger than the "
              + maxBytes + " bytes this server accepts");
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
    if (written == 0) {
      Files.deleteIfExists(file);
      throw ApiProblem.badRequest("the upload is empty: send the scan's bytes as the body");
    }
    queued.add(jobId);
    jobs.submit(() -> {
      try {
        metrics.digitised(new BatchRunner(digitiser, announcer.announcing(progressOf(jobId)))
            .run(jobId, new Inputs(List.of(file), List.of())));
        reports.write(jobId);
      } finally {
        places.release();
        queued.remove(jobId);
        running.remove(jobId);
        Files.deleteIfExists(file);
        Files.deleteIfExists(folder);
      }
      return null;
    });
    return jobId;
  }

  @Override
  public long maxBytes() {
    return maxBytes;
  }

  /** Uploads accepted and not yet digitised. */
  int waiting() {
    return maxQueued - places.availablePermits();
  }

  boolean isQueued(String jobId) {
    return queued.contains(jobId);
  }

  @Override
  public Optional<Progress> progress(String jobId) {
    Progress progress = running.get(jobId);
    if (progress == null && queued.contains(jobId)) {
      return Optional.of(new Progress(0, 0));
    }
    return Optional.ofNullable(progress);
  }

  private PipelineListener progressOf(String jobId) {
    return new PipelineListener() {
      @Override
      public void documentStarted(Path source, int pages) {
        running.put(jobId, new Progress(0, pages));
      }

      @Override
      public void pageFinished(Path source, int page, int pages) {
        running.merge(jobId, new Progress(1, pages), (was, one) ->
            new Progress(Math.min(pages, was.pagesDone() + 1), pages));
      }
    };
  }
}
