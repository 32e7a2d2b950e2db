package sohoa.app;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import sohoa.archive.fixity.FixityAudit;
import sohoa.archive.migration.StoreMigration;
import sohoa.archive.report.JobReports;
import sohoa.archive.transfer.BagExport;
import sohoa.archive.transfer.BagImport;
import sohoa.catalog.AuditTrail;
import sohoa.catalog.Catalog;
import sohoa.certify.AbandonedNumbers;
import sohoa.certify.CertificationService;
import sohoa.certify.CopyFonts;
import sohoa.certify.CopySigning;
import sohoa.certify.RegisterRebuild;
import sohoa.core.error.SohoaException;
import sohoa.core.event.EventSink;
import sohoa.core.i18n.Messages;
import sohoa.core.ocr.EngineFactory;
import sohoa.extract.file.FileMetadataReader;
import sohoa.extract.file.FileMetadataReader.ParseLimits;
import sohoa.pipeline.CatalogRebuild;
import sohoa.pipeline.Deployment;
import sohoa.pipeline.DigitizeOptions;
import sohoa.pipeline.Digitiser;
import sohoa.pipeline.Sealing;
import sohoa.pipeline.Workspace;
import sohoa.pipeline.audit.AuditAnchor;
import sohoa.pipeline.queue.Broker;
import sohoa.pipeline.queue.Enqueuer;
import sohoa.store.ObjectStore;
import sohoa.store.s3.S3Store;

/**
 * The application: one deployment's store and catalog, and Tika's child processes, each opened
 * once, on first use, and every service the front doors need built over them. The command line,
 * the server and the workers ask it for the digitiser, certification and the archive's
 * operations; none of them builds a service itself. The one place that chooses implementations
 * (the OCR engine: Tesseract unless a program or a test gives another). Not thread-safe while
 * opening; the services it returns are as thread-safe as they say.
 */
public final class Sohoa implements AutoCloseable {
  private final Workspace workspace;
  private final Deployment deployment;
  private final Messages officers;
  private final Clock clock;
  private final Optional<EngineFactory> ocr;
  private final Optional<FileMetadataReader> givenFiles;
  private final Consumer<String> warnings;
  private final List<Digitiser> digitisers = new ArrayList<>();
  private ObjectStore store;
  private Catalog catalog;
  /** Tika's children, when this opened them; the given ones belong to whoever gave them. */
  private FileMetadataReader ownFiles;

  private Sohoa(Workspace workspace, Deployment deployment, Messages officers, Clock clock,
      Optional<EngineFactory> ocr, Optional<FileMetadataReader> files,
      Consumer<String> warnings) {
    this.workspace = Objects.requireNonNull(workspace, "workspace");
    this.deployment = Objects.requireNonNull(deployment, "deployment");
    this.officers = Objects.requireNonNull(officers, "officers");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ocr = Objects.requireNonNull(ocr, "ocr");
    this.givenFiles = Objects.requireNonNull(files, "files");
    this.warnings = Objects.requireNonNull(warnings, "warnings");
  }

  /**
   * sohoa over {@code deployment}, with {@code workspace} for quarantine, job summaries and work
   * files, writing what officers read in {@code officers}' language. Nothing is opened yet: a
   * command that only reads the catalog never connects to the store. What an operator should know
   * about the deployment (a bucket without object lock) goes to {@code warnings}.
   *
   * @param ocr the OCR engine every digitiser reads with; empty for Tesseract as the digitiser's
   *     options configure it
   * @param files the Tika children every digitiser reads files' metadata with, which stay open
   *     when this closes (a test's JVM keeps one pool for all its commands); empty for children
   *     of its own, started by the first digitiser's first file and stopped when this closes
   */
  public static Sohoa over(Workspace workspace, Deployment deployment, Messages officers,
      Clock clock, Optional<EngineFactory> ocr, Optional<FileMetadataReader> files,
      Consumer<String> warnings) {
    return new Sohoa(workspace, deployment, officers, clock, ocr, files, warnings);
  }

  /** The store, opened the first time it is asked for. */
  public ObjectStore store() throws SohoaException {
    if (store == null) {
      store = deployment.store().open();
      if (store instanceof S3Store s3 && !s3.objectLockEnabled()) {
        warnings.accept("the bucket " + s3.location().bucket() + " has no object lock: signed"
            + " records are stored but not protected against deletion (create the bucket with"
            + " object lock, e.g. 'mc mb --with-lock', to hold them)");
      }
    }
    return store;
  }

  /** The catalog, opened (and migrated) the first time it is asked for. */
  public Catalog catalog() throws SohoaException {
    if (catalog == null) {
      catalog = deployment.catalog().open();
    }
    return catalog;
  }

  public Workspace workspace() {
    return workspace;
  }

  public Deployment deployment() {
    return deployment;
  }

  /** The language of what officers read: job reports, the register's CSV, the console. */
  public Messages officers() {
    return officers;
  }

  public Clock clock() {
    return clock;
  }

  /**
   * A digitiser into this deployment, with its own OCR engines and page threads, closed with
   * this. Starts one engine at once, so that a missing Tesseract or language model is reported
   * before any input is touched.
   *
   * @param sealing the agency's seal every PDF/A is signed with before it is stored, if any
   */
  public Digitiser digitiser(DigitizeOptions options, Optional<Sealing> sealing)
      throws SohoaException {
    Digitiser digitiser = Digitiser.over(workspace, options, sealing, store(), catalog(),
        files(options), officers, ocr.orElseGet(() -> Digitiser.tesseract(options)), clock);
    digitisers.add(digitiser);
    return digitiser;
  }

  /** The given Tika children, or this one's own, as many as {@code options}' workers need. */
  private FileMetadataReader files(DigitizeOptions options) {
    if (givenFiles.isPresent()) {
      return givenFiles.get();
    }
    if (ownFiles == null) {
      ownFiles = new FileMetadataReader(ParseLimits.forWorkers(options.workers()));
    }
    return ownFiles;
  }

  /**
   * Certified copies (bản sao điện tử chứng thực từ bản chính) signed by {@code signing}, with
   * the fonts found on this machine; their QR codes lead to {@code verificationBase}, and each
   * issued copy is announced to {@code events}.
   */
  public CertificationService certification(CopySigning signing, URI verificationBase,
      EventSink events) throws SohoaException {
    return new CertificationService(catalog(), store(), signing, CopyFonts.locate(),
        verificationBase, workspace.work(), clock, events);
  }

  /** The register's numbers reserved by processes that died, closed when asked. */
  public AbandonedNumbers abandonedNumbers() throws SohoaException {
    return new AbandonedNumbers(catalog().register(), store(), clock);
  }

  /** Job reports, kept in the job's folder of the workspace. */
  public JobReports reports() throws SohoaException {
    return new JobReports(catalog(), store(), workspace, clock, officers);
  }

  /** The fixity audit (sohoa check), its checkpoints in the workspace's {@code checks/}. */
  public FixityAudit fixity() throws SohoaException {
    return new FixityAudit(store(), catalog(), checks(), clock);
  }

  /** Where fixity checkpoints and the reports of checks are kept. */
  public Path checks() {
    return workspace.root().resolve("checks");
  }

  /** BagIt packages of stored documents, out. */
  public BagExport bagExport() throws SohoaException {
    return new BagExport(store(), catalog(), clock);
  }

  /** BagIt packages in: their documents stored and catalogued. */
  public BagImport bagImport() throws SohoaException {
    return new BagImport(store(), catalog(), workspace.work());
  }

  /** Every object of the data folder {@code source}'s store copied into this store. */
  public StoreMigration migrationFrom(Workspace source) throws SohoaException {
    return new StoreMigration(Deployment.embedded(source).store().open(), store(),
        source.work());
  }

  /** The catalog's documents recorded again from the manifests in the store. */
  public CatalogRebuild catalogRebuild() throws SohoaException {
    return new CatalogRebuild(store(), catalog());
  }

  /** The register's issued entries put back from the certified copies' manifests. */
  public RegisterRebuild registerRebuild() throws SohoaException {
    return new RegisterRebuild(store(), catalog().register());
  }

  /** Signed, timestamped checkpoints of the audit log's head, kept in the store. */
  public AuditAnchor auditAnchor() throws SohoaException {
    return new AuditAnchor(catalog().auditLog(), store(), clock, workspace.work());
  }

  /** The audit log's one writer. */
  public AuditTrail auditTrail() throws SohoaException {
    return catalog().auditTrail(clock);
  }

  /** Inputs stored and enqueued for workers through {@code broker}. */
  public Enqueuer enqueuer(Broker broker) throws SohoaException {
    return new Enqueuer(store(), catalog(), broker, clock);
  }

  /**
   * Closes the digitisers it made, then its own Tika children and the catalog; the store holds
   * nothing open.
   */
  @Override
  public void close() {
    digitisers.forEach(Digitiser::close);
    if (ownFiles != null) {
      ownFiles.close();
    }
    if (catalog != null) {
      catalog.close();
    }
  }
}
