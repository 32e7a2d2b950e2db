package sohoa.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import sohoa.core.document.InputFormat;
import sohoa.core.error.StorageFailure;
import sohoa.core.text.PageText;
import sohoa.extract.fields.DocumentFields;
import sohoa.extract.file.FileMetadata;
import sohoa.pdf.input.PageSource;
import sohoa.pdf.input.SourcePage;

/**
 * The stages of digitising one document, in the order {@link DocumentPipeline#process} runs them.
 *
 * @param detect the input's format, from its bytes
 * @param open the input as pages, refused over its limits
 * @param archive the PDF/A, started
 * @param read one page oriented, prepared and read (on the page threads)
 * @param describeFile the file's own metadata
 * @param describe the document's fields, from its pages' text
 * @param seal the PDF/A sealed with the agency's signature, with {@code --sign}
 * @param store the artifacts and manifest in the store
 * @param catalogue the document in the catalog and the audit log
 */
record Stages(Stage<DocumentContext, Path, InputFormat> detect,
    Stage<DocumentContext, InputFormat, PageSource> open, Archive archive,
    Stage<PageContext, SourcePage, PageResult> read,
    Stage<DocumentContext, InputFormat, FileMetadata> describeFile,
    Stage<DocumentContext, List<PageText>, DocumentFields> describe,
    Stage<DocumentContext, Path, Path> seal,
    Stage<DocumentContext, Digitised, StoreArtifacts.Stored> store,
    Stage<DocumentContext, StoreArtifacts.Stored, DocumentOutcome> catalogue) {
  Stages {
    Objects.requireNonNull(detect, "detect");
    Objects.requireNonNull(open, "open");
    Objects.requireNonNull(archive, "archive");
    Objects.requireNonNull(read, "read");
    Objects.requireNonNull(describeFile, "describeFile");
    Objects.requireNonNull(describe, "describe");
    Objects.requireNonNull(seal, "seal");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(catalogue, "catalogue");
  }

  /** Starts a document's PDF/A, whose pages are then written one by one. */
  @FunctionalInterface
  interface Archive {
    PdfaDraft start(DocumentContext document) throws StorageFailure;
  }
}
