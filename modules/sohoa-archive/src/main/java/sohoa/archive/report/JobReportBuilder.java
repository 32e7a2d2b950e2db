package sohoa.archive.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import sohoa.catalog.ArtifactRecord;
import sohoa.catalog.Catalog;
import sohoa.catalog.DocumentRecord;
import sohoa.catalog.FieldRecord;
import sohoa.catalog.JobItem;
import sohoa.catalog.JobRecord;
import sohoa.catalog.PageRecord;
import sohoa.core.error.NotFound;
import sohoa.core.error.StorageFailure;
import sohoa.core.i18n.Messages;
import sohoa.extract.fields.DocumentKind;
import sohoa.extract.fields.FieldName;
import sohoa.pdf.render.Thumbnails;
import sohoa.pipeline.StoredManifest;
import sohoa.store.ObjectKey;
import sohoa.store.ObjectStore;

/**
 * Gathers what a job's report shows from the catalog (the job, its inputs, their documents) and
 * the store (manifests, and the PDF/As the page pictures are drawn from). Works for any job the
 * catalog holds: a batch, or inputs queued to workers.
 */
public final class JobReportBuilder {
  /** Pages pictured per document: those to review first, then the first pages. */
  static final int PICTURED_PAGES = 6;
  private static final Duration LINK_LIFETIME = Duration.ofDays(7);
  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final DateTimeFormatter TIME = DateTimeFormatter
      .ofPattern("dd/MM/yyyy HH:mm:ss").withZone(VIETNAM);

  private final Catalog catalog;
  private final ObjectStore store;
  private final Path work;
  private final Clock clock;
  private final Thumbnails thumbnails = new Thumbnails(180);
  private final Messages words;

  /**
   * @param work a folder for the PDF/As fetched from a remote store while they are pictured
   * @param words the language of the report's words
   */
  public JobReportBuilder(Catalog catalog, ObjectStore store, Path work, Clock clock,
      Messages words) {
    this.words = words;
    this.catalog = catalog;
    this.store = store;
    this.work = work;
    this.clock = clock;
  }

  /**
   * The report of the job {@code jobId}, to be written at {@code reportFile} (links to artifacts in
   * the embedded store are relative to it, so the data folder can be moved).
   *
   * @throws ConfigurationError when the catalog holds no such job
   */
  public ReportView build(String jobId, Path reportFile) throws StorageFailure, NotFound {
    JobRecord job = catalog.jobs().find(jobId).orElseThrow(() -> new NotFound("there is no job "
        + jobId + " in the catalog", "list the jobs with 'sohoa jobs list'"));
    // First the order and the totals, from the catalog alone; the documents themselves (with
    // their page pictures) are made one at a time as the page is written: a job of ten thousand
    // documents never holds more than one document's pictures.
    List<Placing> placings = new ArrayList<>();
    for (JobItem item : catalog.jobs().items(jobId)) {
      placings.add(placing(item));
    }
    placings.sort(Comparator.comparingInt(Placing::rank)
        .thenComparing(p -> -p.reviewCount()));
    Path folder = reportFile.toAbsolutePath().getParent();
    Iterable<ReportView.Document> documents = () -> placings.stream()
        .map(p -> document(p.item(), folder)).iterator();
    Optional<Duration> elapsed = job.finishedAt().map(f -> Duration.between(job.startedAt(), f));
    int pages = placings.stream().filter(p -> p.item().status() == JobItem.Status.DONE)
        .mapToInt(Placing::pageCount).sum();
    int reviewPages = placings.stream().mapToInt(Placing::reviewCount).sum();
    return new ReportView(job.id(), words.text("job.state." + job.state().name()),
        job.state() == JobRecord.State.INTERRUPTED ? words.text("job.resume") : "",
        TIME.format(job.startedAt()), job.finishedAt().map(TIME::format).orElse("—"),
        elapsed.map(this::duration).orElse("—"),
        elapsed.filter(e -> e.toMillis() > 0)
            .map(e -> String.format(Locale.ROOT, "%.1f", pages * 60_000.0 / e.toMillis()))
            .orElse("—"),
        job.inputs(), job.done(), job.reused(), job.failed(), job.pending(), pages, reviewPages,
        TIME.format(clock.instant()), documents);
  }

  /** Where an input goes in the report, and what it adds to the totals. */
  private record Placing(JobItem item, int rank, int reviewCount, int pageCount) {}

  /** Failures first (they need an action), then documents with pages to review. */
  private Placing placing(JobItem item) throws StorageFailure {
    Optional<DocumentRecord> d = item.documentId().isPresent()
        ? catalog.documents().find(item.documentId().get()) : Optional.empty();
    int review = d.map(r -> (int) r.pages().stream().filter(PageRecord::needsReview).count())
        .orElse(0);
    int rank = switch (item.status()) {
      case FAILED -> 0;
      case QUEUED -> 3;
      default -> review > 0 ? 1 : 2;
    };
    return new Placing(item, rank, review, d.map(DocumentRecord::pageCount).orElse(0));
  }

  /**
   * One input as the report shows it. The catalog or store failing now is shown on the input's
   * card (the report is written while the page is, so it cannot stop half-way for it).
   */
  private ReportView.Document document(JobItem item, Path reportFolder) {
    try {
      Optional<DocumentRecord> found = item.documentId().isPresent()
          ? catalog.documents().find(item.documentId().get()) : Optional.empty();
      return found.isPresent() ? document(item, found.get(), reportFolder)
          : bare(item, item.errorCode(), item.errorMessage(), item.errorRemedy());
    } catch (StorageFailure e) {
      return bare(item, Optional.of(e.code()), Optional.of(e.getMessage()),
          Optional.of(e.remedy()));
    }
  }

  /**
   * An input with no document to show: refused, or its record unreadable now. The reason and the
   * remedy are the catalogue's, in Vietnamese, by the error's code; what sohoa said in detail
   * (English, with the limit or the file's own words) follows for whoever looks into it.
   */
  private ReportView.Document bare(JobItem item, Optional<String> code,
      Optional<String> message, Optional<String> remedy) {
    String detail = message.map(m -> m + remedy.map(r -> " (" + r + ")").orElse(""))
        .orElse(null);
    return new ReportView.Document(item.sourcePath(), item.status().name()
        .toLowerCase(Locale.ROOT), label(item.status()),
        item.documentId().map(Object::toString).orElse(null), null, 0, null, null, 0, null,
        null, code.orElse(null), code.map(words::reason).orElse(null),
        code.map(words::remedy).orElse(null), detail, List.of(), List.of(), List.of(), 0);
  }

  private ReportView.Document document(JobItem item, DocumentRecord d, Path reportFolder)
      throws StorageFailure {
    String status = item.status().name().toLowerCase(Locale.ROOT);
    Optional<StoredManifest> manifest = manifest(d);
    List<Integer> pictured = Stream.concat(
            d.pages().stream().filter(PageRecord::needsReview),
            d.pages().stream().filter(p -> !p.needsReview()))
        .map(PageRecord::number).limit(PICTURED_PAGES).toList();
    Map<Integer, String> pictures = pictures(d, pictured);
    Map<Integer, String> preparations =
        manifest.map(m -> m.preparations(words)).orElse(Map.of());
    List<ReportView.Page> pages = d.pages().stream().map(p -> new ReportView.Page(p.number(),
        percent(p.meanConfidence()), confidenceClass(p.meanConfidence(), p.needsReview()),
        p.needsReview(), words.text("report.origin." + p.origin().name()),
        preparations.get(p.number()), pictures.get(p.number()))).toList();
    List<String> unsure = manifest.map(StoredManifest::unsureFields).orElse(List.of());
    List<ReportView.Field> fields = d.fields().stream().map(f -> new ReportView.Field(
        label(f), value(f), percent((float) (f.confidence() * 100)),
        unsure.contains(f.name()))).toList();
    List<ReportView.Link> links = new ArrayList<>();
    for (ArtifactRecord a : d.artifacts()) {
      links.add(new ReportView.Link(a.kind(), artifact(a.kind()), a.objectKey(), href(a, reportFolder),
          a.sha256().hex(), size(a.size())));
    }
    int review = (int) d.pages().stream().filter(PageRecord::needsReview).count();
    return new ReportView.Document(item.sourcePath(), status, label(item.status()),
        d.id().value(), DocumentKind.labelOf(d.kind()), d.pageCount(), percent(d.meanConfidence()),
        confidenceClass(d.meanConfidence(), review > 0), review,
        manifest.flatMap(StoredManifest::digitisingTime).map(this::duration)
            .orElse(null),
        manifest.flatMap(StoredManifest::seal).map(s -> "PAdES " + s.level() + ", " + s.signer()
            + (s.untrusted() ? " (" + words.text("report.untrusted") + ")" : ""))
            .orElse(null),
        null, null, null, null, pages, fields, links, d.pageCount() - pictures.size());
  }

  private Optional<StoredManifest> manifest(DocumentRecord d) throws StorageFailure {
    try {
      return Optional.of(StoredManifest.read(store, StoredManifest.keyOf(d.id())));
    } catch (IOException e) {
      // The report still shows what the catalog knows; 'sohoa check' is where damage is named.
      return Optional.empty();
    }
  }

  /** Page pictures as data URIs; none when the PDF/A cannot be read (the report says nothing). */
  private Map<Integer, String> pictures(DocumentRecord d, List<Integer> numbers)
      throws StorageFailure {
    Optional<ArtifactRecord> pdfa = d.artifacts().stream()
        .filter(a -> a.kind().equals("pdfa")).findFirst();
    if (pdfa.isEmpty()) {
      return Map.of();
    }
    ObjectKey key = new ObjectKey(pdfa.get().objectKey());
    Path temp = null;
    try {
      Path file;
      Optional<Path> local = store.localFile(key);
      if (local.isPresent()) {
        file = local.get();
      } else {
        Files.createDirectories(work);
        temp = Files.createTempFile(work, "report-", ".pdf");
        try (InputStream in = store.open(key)) {
          Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
        }
        file = temp;
      }
      Map<Integer, String> uris = new java.util.LinkedHashMap<>();
      thumbnails.render(file, numbers).forEach((n, jpeg) -> uris.put(n,
          "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg)));
      return uris;
    } catch (IOException | RuntimeException e) {
      return Map.of();
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException e) {
          // A leftover in the work folder; the report itself is whole.
        }
      }
    }
  }

  /** A relative link into the embedded store, or a presigned address valid a week. */
  private String href(ArtifactRecord a, Path reportFolder) throws StorageFailure {
    ObjectKey key = new ObjectKey(a.objectKey());
    Optional<Path> local = store.localFile(key);
    if (local.isPresent()) {
      return reportFolder.relativize(local.get().toAbsolutePath()).toString()
          .replace('\\', '/');
    }
    return store.shareableLink(key, LINK_LIFETIME).map(Object::toString).orElse(null);
  }

  /** An artifact's kind as the officer reads it ("Bản quét gốc"); a kind without a name as is. */
  private String artifact(String kind) {
    return words.has("artifact." + kind) ? words.text("artifact." + kind) : kind;
  }

  private String label(JobItem.Status status) {
    return words.text("job.item." + status.name());
  }

  private String value(FieldRecord f) {
    return FieldName.display(f.name(), f.value(), words);
  }

  private String label(FieldRecord f) {
    try {
      return FieldName.ofKey(f.name()).label(words);
    } catch (IllegalArgumentException e) {
      return f.name();
    }
  }

  /** Good, fair, or low (the pipeline flagged it for review). */
  static String confidenceClass(float confidence, boolean needsReview) {
    return needsReview ? "low" : confidence >= 85 ? "good" : "fair";
  }

  private static String percent(float value) {
    return String.format(Locale.ROOT, "%.0f%%", value);
  }

  private String duration(Duration d) {
    long seconds = d.toSeconds();
    return seconds >= 3600 ? words.format("report.hours", seconds / 3600, seconds % 3600 / 60)
        : seconds >= 60 ? words.format("report.minutes", seconds / 60, seconds % 60)
        : words.format("report.seconds", d.toMillis() / 1000.0);
  }

  private static String size(long bytes) {
    return bytes >= 1 << 20 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0)
        : bytes >= 1024 ? String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0)
        : bytes + " B";
  }
}
