package sohoa.pipeline;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import sohoa.catalog.AuditTrail;
import sohoa.catalog.Catalog;
import sohoa.catalog.ClaimHolder;
import sohoa.core.process.Holder;
import sohoa.core.error.SohoaException;
import sohoa.core.error.StorageFailure;
import sohoa.core.i18n.Messages;
import sohoa.core.ocr.EngineFactory;
import sohoa.extract.ContentTypeDetector;
import sohoa.extract.FieldExtractor;
import sohoa.extract.file.FileMetadataReader;
import sohoa.ocr.EnginePool;
import sohoa.ocr.PageRecognizer;
import sohoa.ocr.tesseract.TesseractEngine;
import sohoa.pdf.input.PageSources;
import sohoa.pdf.pdfa.PdfaWriter;
import sohoa.pdf.pdfa.TextLayerFont;
import sohoa.store.ObjectStore;

/**
 * Digitising, assembled: the OCR engines, page threads and the stages of one {@link
 * DocumentPipeline}, over a store, a catalog and Tika's child processes. The application's
 * composition root ({@code sohoa.app.Sohoa}) asks for one over the store and catalog it opened;
 * {@link #embedded} and {@link #open} open their own, for a program that only digitises and for
 * tests. Tika's children are always the caller's: one {@link FileMetadataReader} serves every
 * digitiser of a process, and each child costs a second of a core to start. Close it to stop the
 * threads and free the engines (and the catalog, when it opened it).
 */
public final class Digitiser implements AutoCloseable {
  private final Workspace workspace;
  private final DigitizeOptions options;
  private final Clock clock;
  private final ObjectStore store;
  private final Catalog catalog;
  private final Optional<Catalog> owned;
  private final EnginePool engines;
  private final ExecutorService pageThreads;
  private final DocumentPipeline pipeline;
  private final boolean seals;
  private final ScheduledExecutorService renewals;
  private final Messages officers;

  private Digitiser(Workspace workspace, DigitizeOptions options, Clock clock, ObjectStore store,
      Catalog catalog, Optional<Catalog> owned, EnginePool engines, ExecutorService pageThreads,
      DocumentPipeline pipeline, boolean seals, ScheduledExecutorService renewals,
      Messages officers) {
    this.officers = officers;
    this.workspace = workspace;
    this.options = options;
    this.clock = clock;
    this.store = store;
    this.catalog = catalog;
    this.owned = owned;
    this.engines = engines;
    this.pageThreads = pageThreads;
    this.pipeline = pipeline;
    this.seals = seals;
    this.renewals = renewals;
  }

  /**
   * Opens the embedded deployment in {@code workspace}, reading files' metadata with {@code
   * files}. Starts one OCR engine at once, so that a missing Tesseract or language model is
   * reported before any input is touched.
   */
  public static Digitiser embedded(Workspace workspace, DigitizeOptions options,
      FileMetadataReader files, Clock clock) throws SohoaException {
    return embedded(workspace, options, files, tesseract(options), clock);
  }

  /**
   * The same, reading with the engines {@code engine} makes instead of Tesseract (a program with
   * an engine of its own; the tests' scripted one).
   */
  public static Digitiser embedded(Workspace workspace, DigitizeOptions options,
      FileMetadataReader files, EngineFactory engine, Clock clock) throws SohoaException {
    return open(workspace, options, Optional.empty(), Deployment.embedded(workspace), files,
        Messages.forOfficers(), engine, clock);
  }

  /**
   * Opens {@code deployment}'s store and catalog (an S3 bucket and a PostgreSQL database in a
   * shared deployment) and digitises into them, reading with the engines {@code engine} makes;
   * {@code workspace} still holds quarantine, job summaries and work files. Job reports are
   * written in {@code officers}' language.
   */
  public static Digitiser open(Workspace workspace, DigitizeOptions options,
      Optional<Sealing> sealing, Deployment deployment, FileMetadataReader files,
      Messages officers, EngineFactory engine, Clock clock) throws SohoaException {
    ObjectStore store = deployment.store().open();
    Catalog catalog = deployment.catalog().open();
    try {
      return assemble(workspace, options, sealing, store, catalog, Optional.of(catalog), files,
          officers, engine, clock);
    } catch (SohoaException | RuntimeException e) {
      catalog.close();
      throw e;
    }
  }

  /**
   * Digitises into {@code store} and {@code catalog}, which stay open when this closes, as
   * {@code files} does: they belong to whoever opened them.
   */
  public static Digitiser over(Workspace workspace, DigitizeOptions options,
      Optional<Sealing> sealing, ObjectStore store, Catalog catalog, FileMetadataReader files,
      Messages officers, EngineFactory engine, Clock clock) throws SohoaException {
    return assemble(workspace, options, sealing, store, catalog, Optional.empty(), files,
        officers, engine, clock);
  }

  /** Tesseract, as {@code options} configure it: the engine unless a program gives another. */
  public static EngineFactory tesseract(DigitizeOptions options) {
    return () -> TesseractEngine.open(options.ocr());
  }

  private static Digitiser assemble(Workspace workspace, DigitizeOptions options,
      Optional<Sealing> sealing, ObjectStore store, Catalog catalog, Optional<Catalog> owned,
      FileMetadataReader files, Messages officers, EngineFactory engine, Clock clock)
      throws SohoaException {
    TextLayerFont font = TextLayerFont.locate();
    EnginePool engines = new EnginePool(options.workers(), engine);
    try {
      String ocr = engines.description();
      Map<String, String> tools = new LinkedHashMap<>();
      tools.put("sohoa", SohoaVersion.current());
      tools.put("ocr", ocr);
      tools.put("pdf", PdfaWriter.producer());
      tools.put("metadata", FileMetadataReader.description());
      tools.put("java", System.getProperty("java.version"));
      ExecutorService pageThreads = WorkerThreads.fixed(options.workers(), "ocr");
      PageRecognizer recognizer =
          new PageRecognizer(engines, options.ocr(), options.archiveCleaned());
      Holder self = Holder.current();
      ClaimHolder claims = new ClaimHolder(catalog.claims(), self, clock);
      String actor = "sohoa:" + System.getProperty("user.name") + "@" + self;
      WorkFolder.sweep(workspace.work(), self, clock);
      AuditTrail trail = catalog.auditTrail(clock);
      ContentTypeDetector detector = new ContentTypeDetector();
      FieldExtractor extractor = new FieldExtractor();
      Stages stages = new Stages((document, source) -> detector.detect(source),
          (document, format) -> PageSources.open(document.source(), format, options.limits()),
          document -> PdfaDraft.open(document, font, "sohoa " + tools.get("sohoa")),
          new ReadPage(recognizer),
          (document, format) -> files.read(document.source(), format.mediaType()),
          (document, texts) -> extractor.extract(texts), new Seal(sealing),
          new StoreArtifacts(store, sealing, tools),
          new Catalogue(catalog, trail, actor, ocr));
      DocumentPipeline pipeline = new DocumentPipeline(stages,
          new Reuse(catalog, store, trail, actor), claims, new PageScheduler(pageThreads),
          workspace, self, options, clock);
      ScheduledExecutorService renewals = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sohoa-claim-renewal");
        thread.setDaemon(true);
        return thread;
      });
      long every = ClaimHolder.RENEWAL.toMillis();
      renewals.scheduleWithFixedDelay(() -> {
        try {
          claims.renew();
        } catch (StorageFailure e) {
          // Tried again next time; the lease outlasts several missed renewals.
        }
      }, every, every, TimeUnit.MILLISECONDS);
      return new Digitiser(workspace, options, clock, store, catalog, owned, engines, pageThreads,
          pipeline, sealing.isPresent(), renewals, officers);
    } catch (SohoaException | RuntimeException e) {
      engines.close();
      throw e;
    }
  }

  public DocumentPipeline pipeline() {
    return pipeline;
  }

  public Catalog catalog() {
    return catalog;
  }

  public ObjectStore store() {
    return store;
  }

  public Workspace workspace() {
    return workspace;
  }

  public DigitizeOptions options() {
    return options;
  }

  /** Whether every PDF/A is sealed with the agency's signature before it is stored. */
  public boolean seals() {
    return seals;
  }

  /** The language of what officers read: job reports. */
  public Messages officers() {
    return officers;
  }

  public Clock clock() {
    return clock;
  }

  @Override
  public void close() {
    renewals.shutdownNow();
    pageThreads.shutdownNow();
    try {
      pageThreads.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    engines.close();
    owned.ifPresent(Catalog::close);
  }
}
