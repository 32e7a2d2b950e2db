package sohoa.pipeline;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import sohoa.catalog.ClaimHolder;
import sohoa.core.document.ContentHash;
import sohoa.core.document.DocumentId;
import sohoa.core.document.InputFormat;
import sohoa.core.error.SohoaException;
import sohoa.core.error.StorageFailure;
import sohoa.core.process.Holder;
import sohoa.extract.fields.DocumentFields;
import sohoa.extract.file.FileMetadata;
import sohoa.pdf.input.PageSource;

/**
 * One input in, one stored and catalogued document out: its {@link Stages} in order, over a
 * {@link DocumentContext}. Pages are read on the page threads a few ahead of the one being
 * written ({@link PageScheduler}); the file's own metadata is read while the last are in OCR.
 * Thread-safe: any number of documents may go through at once.
 */
public final class DocumentPipeline {
  private final Stages stages;
  private final Reuse reuse;
  private final ClaimHolder claims;
  private final PageScheduler pages;
  private final OriginalLocks locks = new OriginalLocks();
  private final Workspace workspace;
  private final Holder self;
  private final DigitizeOptions options;
  private final Clock clock;

  /** @param self this process, whose name the documents' work folders carry */
  DocumentPipeline(Stages stages, Reuse reuse, ClaimHolder claims, PageScheduler pages,
      Workspace workspace, Holder self, DigitizeOptions options, Clock clock) {
    this.stages = stages;
    this.reuse = reuse;
    this.claims = claims;
    this.pages = pages;
    this.workspace = workspace;
    this.self = self;
    this.options = options;
    this.clock = clock;
  }

  /**
   * Digitises {@code source}, or finds it already digitised.
   *
   * @return {@link DocumentOutcome.Digitised} or {@link DocumentOutcome.Reused}, never Failed
   * @throws SohoaException when the input is rejected or the store or catalog fail
   */
  public DocumentOutcome process(Path source, PipelineListener listener) throws SohoaException {
    ContentHash original = Originals.hash(source);
    synchronized (locks.of(original)) { // two copies of one scan in a batch: one digitises it
      Optional<DocumentOutcome> reused = reuse.of(source, original);
      if (reused.isPresent()) {
        return reused.get();
      }
      Optional<ClaimHolder.Held> claim = claims.claim(original, () -> reuse.done(original));
      if (claim.isEmpty()) { // another process, on any host, digitised it meanwhile
        return reuse.of(source, original).orElseThrow(() -> new StorageFailure("another process"
            + " digitised " + source.getFileName() + ", and its result is gone again",
            "run again: the input is digitised anew", null));
      }
      DocumentContext document = context(source, original, listener);
      try (ClaimHolder.Held held = claim.get(); WorkFolder work = WorkFolder.create(document)) {
        InputFormat format = stages.detect().run(document, source);
        try (PageSource scan = stages.open().run(document, format);
            PdfaDraft pdfa = stages.archive().start(document)) {
          listener.documentStarted(source, scan.pageCount());
          PageScheduler.Paged<FileMetadata> paged = pages.run(document, scan, stages.read(),
              pdfa, () -> stages.describeFile().run(document, format));
          DocumentFields fields = stages.describe().run(document,
              paged.pages().stream().map(WrittenPage::text).toList());
          Path archived = stages.seal().run(document, pdfa.finish(fields));
          StoreArtifacts.Stored stored = stages.store().run(document,
              new Digitised(format, paged.meanwhile(), paged.pages(), fields, archived));
          return stages.catalogue().run(document, stored);
        }
      }
    }
  }

  private DocumentContext context(Path source, ContentHash original, PipelineListener listener) {
    DocumentId id = DocumentId.of(original);
    return new DocumentContext(source, original, id, Instant.now(clock),
        WorkFolder.of(workspace.work(), id, self), options, clock, listener);
  }
}
