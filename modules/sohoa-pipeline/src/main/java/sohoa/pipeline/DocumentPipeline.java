package sohoa.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import sohoa.catalog.ArtifactRecord;
import sohoa.catalog.AuditLog;
import sohoa.catalog.Catalog;
import sohoa.catalog.Claim;
import sohoa.catalog.DocumentRecord;
import sohoa.catalog.PageRecord;
import sohoa.core.document.ContentHash;
import sohoa.core.document.DocumentId;
import sohoa.core.document.InputFormat;
import sohoa.core.error.EmptyInput;
import sohoa.core.error.InputRejected;
import sohoa.core.error.SohoaException;
import sohoa.core.error.StorageFailure;
import sohoa.core.error.TooSlowInput;
import sohoa.core.error.UnreadableInput;
import sohoa.core.process.Holder;
import sohoa.core.text.Alignment;
import sohoa.core.text.PageText;
import sohoa.core.text.TextLine;
import sohoa.core.text.TextOrigin;
import sohoa.extract.ContentTypeDetector;
import sohoa.extract.FieldExtractor;
import sohoa.extract.fields.DocumentFields;
import sohoa.extract.file.FileMetadata;
import sohoa.extract.file.FileMetadataReader;
import sohoa.ocr.PageRecognizer;
import sohoa.ocr.Recognition;
import sohoa.ocr.format.AltoWriter;
import sohoa.ocr.format.HocrWriter;
import sohoa.ocr.format.OcrPage;
import sohoa.pdf.input.EncodedImage;
import sohoa.pdf.input.PageImage;
import sohoa.pdf.input.PageSource;
import sohoa.pdf.input.PageSources;
import sohoa.pdf.input.RasterImage;
import sohoa.pdf.input.Resolution;
import sohoa.pdf.input.SourcePage;
import sohoa.pdf.input.TiffPage;
import sohoa.pdf.pdfa.ArchiveInfo;
import sohoa.pdf.pdfa.PdfaWriter;
import sohoa.pdf.pdfa.TextLayerFont;
import sohoa.sign.pades.SignatureRequest;
import sohoa.store.ObjectKey;
import sohoa.store.ObjectStore;
import sohoa.store.StoredObject;

/**
 * One input in, one stored and catalogued document out, read top to bottom: hash, reuse check,
 * detect, open pages, OCR (on the page threads, a few pages ahead), write PDF/A page by page, the
 * file's own metadata (Tika, while the last pages are in OCR), store, catalog. The catalog row is written last: a document is finished exactly when it is
 * catalogued, so a crash at any point before that leaves nothing a later run would trust.
 * Thread-safe: any number of documents may go through at once.
 */
public final class DocumentPipeline {
  /**
   * How long a claim from another host counts as alive without being renewed: five renewals
   * missed (a holder renews every {@link #CLAIM_RENEWAL} while it digitises).
   */
  private static final Duration CLAIM_LEASE = Duration.ofMinutes(5);
  /** How often a process renews the claims it holds. */
  static final Duration CLAIM_RENEWAL = Duration.ofMinutes(1);
  private static final Duration CLAIM_POLL = Duration.ofMillis(500);
  /** This process, as its claims in the catalog name it. */
  private final Holder self = Holder.current();
  /** Pages a document may have decoded or in OCR ahead of the one being written. */
  private static final int PAGES_AHEAD = 2;
  private static final int LOCK_STRIPES = 64;

  private final ObjectStore store;
  private final Catalog catalog;
  private final PageRecognizer recognizer;
  private final ExecutorService pageThreads;
  private final ContentTypeDetector detector;
  private final FileMetadataReader files;
  private final Optional<Sealing> sealing;
  private final FieldExtractor extractor;
  private final TextLayerFont font;
  private final Workspace workspace;
  private final DigitizeOptions options;
  private final Clock clock;
  private final Map<String, String> tools;
  private final Object[] locks = new Object[LOCK_STRIPES];
  private final AtomicInteger claimsHeld = new AtomicInteger();
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  DocumentPipeline(ObjectStore store, Catalog catalog, PageRecognizer recognizer,
      ExecutorService pageThreads, ContentTypeDetector detector, FileMetadataReader files,
      Optional<Sealing> sealing, FieldExtractor extractor,
      TextLayerFont font, Workspace workspace, DigitizeOptions options, Clock clock,
      Map<String, String> tools) {
    this.store = store;
    this.catalog = catalog;
    this.recognizer = recognizer;
    this.pageThreads = pageThreads;
    this.detector = detector;
    this.files = files;
    this.sealing = sealing;
    this.extractor = extractor;
    this.font = font;
    this.workspace = workspace;
    this.options = options;
    this.clock = clock;
    this.tools = Map.copyOf(tools);
    for (int i = 0; i < LOCK_STRIPES; i++) {
      locks[i] = new Object();
    }
  }

  /**
   * Digitises {@code source}, or finds it already digitised.
   *
   * @return {@link DocumentOutcome.Digitised} or {@link DocumentOutcome.Reused}, never Failed
   * @throws SohoaException when the input is rejected or the store or catalog fail
   */
  public DocumentOutcome process(Path source, PipelineListener listener) throws SohoaException {
    long started = clock.millis();
    ContentHash hash = hash(source);
    DocumentId id = DocumentId.of(hash);
    // Two copies of one scan in a batch must not be digitised twice at once.
    synchronized (locks[Math.floorMod(id.hashCode(), LOCK_STRIPES)]) {
      Optional<DocumentOutcome> reused = reused(source, hash, id);
      if (reused.isPresent()) {
        return reused.get();
      }
      // Nor by two workers anywhere: the catalog's claim says who digitises it.
      reused = claim(source, hash, id);
      if (reused.isPresent()) {
        return reused.get();
      }
      claimsHeld.incrementAndGet();
      try {
        InputFormat format = detector.detect(source);
        try (PageSource pages = PageSources.open(source, format, options.limits())) {
          listener.documentStarted(source, pages.pageCount());
          return digitise(source, hash, id, format, pages, listener, started);
        }
      } finally {
        claimsHeld.decrementAndGet();
        catalog.claims().release(hash, self.toString());
      }
    }
  }

  /**
   * Renews this process's claims, if it holds any, so that workers on other hosts wait for a
   * long document instead of taking it over; called every {@link #CLAIM_RENEWAL}.
   */
  void renewClaims() throws StorageFailure {
    if (claimsHeld.get() > 0) {
      catalog.claims().renew(self.toString(), clock.instant());
    }
  }

  private Optional<DocumentOutcome> reused(Path source, ContentHash hash, DocumentId id)
      throws StorageFailure {
    OptionalInt catalogued = catalog.documents().pageCountOf(hash);
    if (catalogued.isPresent() && store.exists(ObjectKey.artifact(id, "pdfa.pdf"))) {
      catalog.auditLog().appendAll(List.of(event("ingest", id, hash, "from "
          + FileNames.printable(source.getFileName().toString())
          + ": already digitised, reused")));
      return Optional.of(new DocumentOutcome.Reused(source, id, catalogued.getAsInt()));
    }
    return Optional.empty();
  }

  /** An audit entry by this process (its user and its host:pid:start) about document {@code id}. */
  private AuditLog.Event event(String action, DocumentId id, ContentHash original,
      String detail) {
    return new AuditLog.Event("sohoa:" + System.getProperty("user.name") + "@" + self, action,
        id.value(), Optional.of(original), detail, clock.instant());
  }

  /**
   * Claims the original for this process, waiting while another live process digitises it.
   *
   * @return the other process's result once it has one; empty when this process holds the claim
   */
  private Optional<DocumentOutcome> claim(Path source, ContentHash hash, DocumentId id)
      throws SohoaException {
    while (!catalog.claims().claim(hash, self.toString(), clock.instant())) {
      Optional<Claim> other = catalog.claims().of(hash);
      if (other.isPresent() && self.seesAbandoned(other.get().holder(), other.get().claimedAt(),
          clock.instant(), CLAIM_LEASE)) {
        if (catalog.claims().takeOver(hash, other.get().holder(), self.toString(), clock.instant())) {
          return Optional.empty();
        }
        continue;
      }
      if (other.isPresent()) {
        try {
          Thread.sleep(CLAIM_POLL.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new StorageFailure("interrupted while another worker digitised " + source,
              "run the batch again: what is done is kept", e);
        }
      }
      Optional<DocumentOutcome> reused = reused(source, hash, id);
      if (reused.isPresent()) {
        return reused;
      }
    }
    return Optional.empty();
  }

  private DocumentOutcome digitise(Path source, ContentHash hash, DocumentId id,
      InputFormat format, PageSource pages, PipelineListener listener, long started)
      throws SohoaException {
    Instant created = clock.instant();
    long begun = created.toEpochMilli();
    String name = source.getFileName().toString();
    Path pdfa = temporary(id, ".pdf");
    List<WrittenPage> written = new ArrayList<>();
    DocumentFields fields;
    FileMetadata file;
    try {
      try (OutputStream out = Files.newOutputStream(pdfa);
          PdfaWriter writer = PdfaWriter.open(out,
              new ArchiveInfo(name, name, hash, created, "sohoa " + tools.get("sohoa")), font)) {
        Deque<Future<PageResult>> ahead = new ArrayDeque<>();
        int count = pages.pageCount();
        for (int number = 1; number <= count; number++) {
          checkTime(begun, written.size(), count, ahead);
          SourcePage page = pages.page(number);
          ahead.add(pageThreads.submit(() -> recognise(page)));
          if (ahead.size() > PAGES_AHEAD) {
            write(writer, await(ahead.poll(), ahead), written, source, count, listener);
          }
        }
        // Tika reads the file while the last pages are in OCR, so that its process costs no wait.
        file = metadata(source, format, ahead);
        while (!ahead.isEmpty()) {
          checkTime(begun, written.size(), count, ahead);
          write(writer, await(ahead.poll(), ahead), written, source, count, listener);
        }
        fields = extractor.extract(written.stream().map(WrittenPage::text).toList());
        writer.describe(FieldDescriptions.archive(fields));
      }
      Path archived = sealing.isPresent() ? seal(pdfa, id, name) : pdfa;
      try {
        return store(source, hash, id, format, file, archived, written, fields, created, started);
      } finally {
        if (archived != pdfa) {
          deleteQuietly(archived);
        }
      }
    } catch (IOException e) {
      throw new StorageFailure("cannot write the PDF/A for " + name + " in " + workspace.work()
          + ": " + e.getMessage(), "check free space in the data folder", e);
    } finally {
      deleteQuietly(pdfa);
    }
  }

  /**
   * The PDF/A sealed with the agency's signature, as a new temporary file: PAdES as an
   * incremental update, so it stays PDF/A.
   */
  private Path seal(Path pdfa, DocumentId id, String name) throws SohoaException {
    Path sealed = temporary(id, ".sealed.pdf");
    try (InputStream in = Files.newInputStream(pdfa);
        OutputStream out = Files.newOutputStream(sealed)) {
      sealing.get().signer().sign(in, out, SignatureRequest.at(sealing.get().level())
          .withReason("Số hóa: bản lưu trữ của " + name));
      return sealed;
    } catch (IOException e) {
      deleteQuietly(sealed);
      throw new StorageFailure("cannot seal the PDF/A of " + name + " in " + workspace.work()
          + ": " + e.getMessage(), "check free space in the data folder", e);
    } catch (SohoaException e) {
      deleteQuietly(sealed);
      throw e;
    }
  }

  /** The file's own metadata; a file Tika had to be stopped on fails with its pages dropped. */
  private FileMetadata metadata(Path source, InputFormat format, Deque<Future<PageResult>> ahead)
      throws InputRejected {
    try {
      return files.read(source, format.mediaType());
    } catch (InputRejected e) {
      ahead.forEach(f -> f.cancel(true));
      throw e;
    }
  }

  private PageResult recognise(SourcePage page) throws SohoaException {
    if (page.embeddedText().isPresent()) {
      return new PageResult(page.image(), false, Alignment.NONE, page.embeddedText().get(), false,
          0, false, 0, 0, List.of(), Optional.empty(), 0);
    }
    long start = System.nanoTime();
    PageImage scan = page.image();
    Recognition read = recognizer.read(scan.decode(), scan.resolution().forOcr(),
        !scan.resolution().assumed());
    Resolution resolution = read.estimatedDpi().isPresent()
        ? new Resolution(read.estimatedDpi().getAsInt(), read.estimatedDpi().getAsInt(), true)
        : scan.resolution();
    PageImage archived = read.cleaned().isPresent()
        ? new RasterImage(scan.page(), read.cleaned().get(), resolution)
        : scan.at(resolution);
    return new PageResult(archived, read.cleaned().isPresent(), read.alignment(), read.text(),
        read.estimatedDpi().isPresent(), read.readAtDpi(), read.paperEvened(), read.syllables(),
        read.impossible(), read.corrections(), Optional.of(read.preparation()),
        (System.nanoTime() - start) / 1_000_000);
  }

  private void write(PdfaWriter writer, PageResult page, List<WrittenPage> written, Path source,
      int count, PipelineListener listener) throws SohoaException {
    writer.addPage(page.image(), page.alignment(), page.text());
    // Keep only what the manifest and catalog need: the pixels go once they are in the PDF.
    written.add(new WrittenPage(entry(page), page.text(), page.alignment()));
    listener.pageFinished(source, page.image().page(), count);
  }

  /** A page already in the PDF/A: its manifest entry, text and alignment, without its pixels. */
  private record WrittenPage(Manifest.PageEntry entry, PageText text, Alignment alignment) {}

  /**
   * Stops the document, between two pages, once it has taken longer than its limit; the pages
   * in OCR for it are cancelled (one already in the engine finishes, then its thread is free).
   */
  private void checkTime(long started, int done, int count, Deque<Future<PageResult>> ahead)
      throws TooSlowInput {
    int limit = options.limits().maxSeconds();
    if (clock.millis() - started >= limit * 1000L) {
      ahead.forEach(f -> f.cancel(true));
      throw new TooSlowInput(String.format("the document took longer than its limit of %d s"
          + " (%d of %d pages done) and was stopped", limit, done, count),
          "raise --max-seconds if it is simply long, or split it");
    }
  }

  private static PageResult await(Future<PageResult> next, Deque<Future<PageResult>> rest)
      throws SohoaException {
    try {
      return next.get();
    } catch (ExecutionException e) {
      rest.forEach(f -> f.cancel(true));
      if (e.getCause() instanceof SohoaException failure) {
        throw failure;
      }
      if (e.getCause() instanceof RuntimeException bug) {
        throw bug;
      }
      throw new IllegalStateException("a page task failed", e.getCause());
    } catch (InterruptedException e) {
      rest.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for OCR", e);
    }
  }

  private DocumentOutcome store(Path source, ContentHash hash, DocumentId id, InputFormat inputFormat,
      FileMetadata file, Path pdfa, List<WrittenPage> pages, DocumentFields fields,
      Instant created, long started)
      throws SohoaException, IOException {
    String fullText = fullText(pages);
    StoredObject original = storeOriginal(source, hash);
    Map<String, Manifest.Artifact> artifacts = new LinkedHashMap<>();
    artifacts.put("original", artifact(original));
    artifacts.put("pdfa", artifact(store.put(ObjectKey.artifact(id, "pdfa.pdf"), pdfa)));
    if (sealing.isPresent()) {
      // A sealed PDF/A is a signed record: held against deletion where the store can.
      store.protect(ObjectKey.artifact(id, "pdfa.pdf"));
    }
    List<OcrPage> ocrPages = pages.stream()
        .map(p -> new OcrPage(p.entry().number(), p.text(), p.alignment())).toList();
    for (OutputFormat format : options.formats()) {
      byte[] bytes = export(format, ocrPages, fullText, source.getFileName().toString());
      if (bytes.length > 0 || format == OutputFormat.TXT) {
        artifacts.put(format.name().toLowerCase(), artifact(
            store.put(ObjectKey.artifact(id, format.artifactName()), bytes)));
      }
    }
    float confidence = meanConfidence(pages);
    List<Integer> review = pages.stream().filter(p -> p.entry().needsReview())
        .map(p -> p.entry().number()).toList();
    long ocrMillis = pages.stream().mapToLong(p -> p.entry().ocrMillis()).sum();
    Manifest manifest = new Manifest(Manifest.SCHEMA, id.value(),
        new Manifest.Source(source.getFileName().toString(), inputFormat.mediaType(), hash.hex(),
            original.size()),
        FileDescriptions.manifest(file), sealing.map(s -> new Manifest.Seal(s.level().label(),
            s.signer().signerName(), s.untrusted())).orElse(null), created.toString(), pages.size(), confidence, review,
        pages.stream().map(WrittenPage::entry).toList(), FieldDescriptions.manifest(fields),
        artifacts,
        new Manifest.Timings(clock.millis() - started, ocrMillis), tools);
    StoredObject manifestObject = store.put(ObjectKey.artifact(id, "manifest.json"),
        json.writeValueAsBytes(manifest));
    List<ArtifactRecord> records = new ArrayList<>();
    artifacts.forEach((kind, a) -> records.add(
        new ArtifactRecord(kind, a.key(), new ContentHash(a.sha256()), a.size())));
    records.add(new ArtifactRecord("manifest", manifestObject.key().value(),
        manifestObject.sha256(), manifestObject.size()));
    catalog.documents().record(new DocumentRecord(id, hash, source.getFileName().toString(),
        inputFormat.mediaType(), pages.size(), confidence, fullText, manifestObject.sha256(),
        created, records, pages.stream().map(p -> new PageRecord(p.entry().number(),
            p.text().origin(), p.text().words().size(), p.text().meanConfidence(),
            p.entry().needsReview())).toList(), fields.kind().key(),
        FieldDescriptions.catalog(fields), Optional.of(FileDescriptions.catalog(file))));
    List<AuditLog.Event> events = new ArrayList<>(List.of(
        event("ingest", id, hash, "from " + FileNames.printable(source.getFileName().toString())
            + " (" + inputFormat.mediaType() + ", " + original.size() + " bytes)"),
        event("ocr", id, hash, String.format("%d page%s, mean confidence %.0f%%, %d to review;"
            + " %s", pages.size(), pages.size() == 1 ? "" : "s", confidence, review.size(),
            tools.get("ocr")))));
    sealing.ifPresent(s -> events.add(event("seal", id, hash, "PDF/A sealed at "
        + s.level().label() + " by " + s.signer().signerName()
        + (s.untrusted() ? " (development identity, UNTRUSTED)" : ""))));
    catalog.auditLog().appendAll(events);
    return new DocumentOutcome.Digitised(source, id, pages.size(), confidence, review,
        clock.millis() - started);
  }

  /**
   * The original in the store: put there now, or, when it is there already (enqueued for a
   * worker, or left by an earlier run), kept as it is, so that a worker does not upload again
   * the bytes it has just downloaded. Either way the source must still be what was hashed.
   */
  private StoredObject storeOriginal(Path source, ContentHash hash) throws SohoaException {
    ObjectKey key = ObjectKey.original(hash);
    Optional<StoredObject> existing = store.stat(key);
    ContentHash now;
    StoredObject original;
    if (existing.isPresent() && existing.get().sha256().equals(hash)) {
      original = existing.get();
      now = hash(source);
    } else {
      original = store.put(key, source);
      now = original.sha256();
    }
    if (!now.equals(hash)) {
      throw new UnreadableInput("the file changed while it was being digitised",
          "wait until the scanner or copy has finished writing it, then run again");
    }
    return original;
  }

  /** The bytes of one extra format; PDF/A is written page by page elsewhere and gives none here. */
  private byte[] export(OutputFormat format, List<OcrPage> ocrPages, String fullText, String name) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    switch (format) {
      case TXT -> out.writeBytes(fullText.getBytes(StandardCharsets.UTF_8));
      case HOCR -> HocrWriter.write(ocrPages, name, tools.get("ocr"), out);
      case ALTO -> AltoWriter.write(ocrPages, name, tools.get("ocr"), tools.get("sohoa"), out);
      case PDFA -> { }
    }
    return out.toByteArray();
  }

  private Manifest.PageEntry entry(PageResult page) {
    PageImage image = page.image();
    String embedding = page.cleaned() ? "cleaned"
        : image instanceof EncodedImage encoded ? encoded.format().name().toLowerCase()
        : image instanceof TiffPage ? "tiff" : "lossless";
    return new Manifest.PageEntry(image.page(), image.width(), image.height(),
        image.resolution().x(), image.resolution().y(), image.resolution().assumed(),
        page.dpiEstimated(), embedding, page.readAtDpi(), page.paperEvened(),
        page.alignment().quarterTurns() * 90, page.alignment().skewDegrees(),
        page.text().origin().name().toLowerCase(),
        page.text().words().size(), page.text().meanConfidence(), needsReview(page),
        page.syllables(), page.impossible(), page.corrections().stream()
            .map(c -> new Manifest.Correction(c.read(), c.corrected(), c.confidence())).toList(),
        page.preparation().map(Manifest.Preparation::of).orElse(null), page.ocrMillis());
  }

  /**
   * A recognised page with text read below the threshold, or whose orientation the evidence left
   * in doubt (it was kept as scanned: someone should look); a page with no words has nothing to
   * check.
   */
  private boolean needsReview(PageResult page) {
    PageText text = page.text();
    boolean unsure = page.preparation().map(p -> p.orientation().unsure()).orElse(false);
    return text.origin() == TextOrigin.OCR && (unsure
        || !text.lines().isEmpty() && text.meanConfidence() < options.reviewBelow());
  }

  private static Manifest.Artifact artifact(StoredObject object) {
    return new Manifest.Artifact(object.key().value(), object.sha256().hex(), object.size());
  }

  /** Pages separated by form feeds, as pdftotext does, lines by newlines. */
  private static String fullText(List<WrittenPage> pages) {
    StringBuilder text = new StringBuilder();
    for (WrittenPage page : pages) {
      if (!text.isEmpty()) {
        text.append('\f');
      }
      for (TextLine line : page.text().lines()) {
        text.append(line.text()).append('\n');
      }
    }
    return text.toString();
  }

  private static float meanConfidence(List<WrittenPage> pages) {
    return (float) pages.stream().mapToDouble(p -> p.text().meanConfidence()).average().orElse(0);
  }

  private static ContentHash hash(Path source) throws SohoaException {
    try {
      if (!Files.isRegularFile(source)) {
        throw new UnreadableInput("the file does not exist or is not a regular file",
            "check the path; the file may have been moved");
      }
      if (Files.size(source) == 0) {
        throw new EmptyInput();
      }
      return ContentHash.of(source);
    } catch (IOException e) {
      throw new UnreadableInput("the file cannot be read: " + e.getMessage(),
          "check that the file is readable by the user running sohoa", e);
    }
  }

  private Path temporary(DocumentId id, String suffix) throws StorageFailure {
    try {
      return Files.createTempFile(workspace.work(), id.value() + "-", suffix);
    } catch (IOException e) {
      throw new StorageFailure("cannot create a work file in " + workspace.work() + ": "
          + e.getMessage(), "check free space and permissions of the data folder", e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // A leftover work file is harmless: the work folder holds nothing a later run reads.
    }
  }
}
