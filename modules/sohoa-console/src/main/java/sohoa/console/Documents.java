package sohoa.console;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sohoa.catalog.ArtifactRecord;
import sohoa.catalog.Catalog;
import sohoa.catalog.DocumentVariant;
import sohoa.catalog.StoredDocument;
import sohoa.core.document.DocumentId;
import sohoa.core.error.StorageFailure;
import sohoa.pdf.render.Thumbnails;
import sohoa.store.ObjectKey;
import sohoa.store.ObjectStore;

/**
 * The documents an officer may open (their agency's, where accounts are scoped), and their pages
 * as pictures drawn from the stored PDF/A.
 */
final class Documents {
  private final Catalog catalog;
  private final ObjectStore store;
  private final Path work;

  Documents(Catalog catalog, ObjectStore store, Path work) {
    this.catalog = catalog;
    this.store = store;
    this.work = work;
  }

  /**
   * The document at the path's {@code id}; 404 when there is none or the officer may not see it.
   */
  StoredDocument visible(Context ctx) throws StorageFailure {
    String id = ctx.pathParam("id");
    if (!DocumentId.isOne(id)) {
      throw ConsoleProblem.notFound("document", id);
    }
    StoredDocument document = catalog.documents().stored(new DocumentId(id))
        .orElseThrow(() -> ConsoleProblem.notFound("document", id));
    // Another agency's record is answered as absent: its existence is not the officer's to know.
    if (!Guard.officer(ctx).maySee(document.agency())) {
      throw ConsoleProblem.notFound("document", id);
    }
    document.agency().ifPresent(a -> ctx.attribute(ConsoleAudit.AGENCY, a));
    return document;
  }

  /** GET …/pages/{n}.jpg and …/thumbnail.jpg: one page drawn {@code width} pixels wide. */
  void page(Context ctx, int number, int width) throws StorageFailure, IOException {
    StoredDocument document = visible(ctx);
    if (number < 1 || number > document.pageCount()) {
      throw ConsoleProblem.notFound("page", String.valueOf(number));
    }
    Map<Integer, byte[]> drawn = withPdf(document, pdf -> new Thumbnails(width).render(pdf,
        List.of(number)));
    ctx.contentType("image/jpeg").header("Cache-Control", "private, max-age=3600")
        .result(drawn.get(number));
  }

  /**
   * GET …/files/{variant}: the record as an officer downloads it (PDF/A, sealed PDF/A, original
   * scan, recognised text), straight from the store.
   */
  void file(Context ctx) throws StorageFailure, IOException {
    StoredDocument document = visible(ctx);
    DocumentVariant variant = DocumentVariant.named(ctx.pathParam("variant"))
        .filter(v -> v != DocumentVariant.ALTO && v != DocumentVariant.HOCR)
        .orElseThrow(() -> ConsoleProblem.notFound("variant", ctx.pathParam("variant")));
    ArtifactRecord artifact = variant.of(document).orElseThrow(() -> ConsoleProblem.notFound(
        "variant-of", document.id().value()));
    ctx.header("Content-Disposition", DocumentVariant.attachment(variant.fileName(
        document.sourceName())));
    ctx.header("X-Content-Type-Options", "nosniff");
    if (variant.isText()) {
      ctx.header("Content-Security-Policy", "sandbox; default-src 'none'");
    }
    // The store checks the bytes against their hash as they are read.
    ctx.contentType(variant.mediaType(document)).result(store.open(
        new ObjectKey(artifact.objectKey())));
  }

  /** What {@code use} makes of the document's PDF/A, read in place or fetched to work. */
  <T> T withPdf(StoredDocument document, PdfUse<T> use) throws StorageFailure, IOException {
    ArtifactRecord pdfa = document.artifacts().stream().filter(a -> a.kind().equals("pdfa"))
        .findFirst().orElseThrow(() -> new ConsoleProblem(409, "console.no-pdfa",
            document.id().value()));
    ObjectKey key = new ObjectKey(pdfa.objectKey());
    Optional<Path> local = store.localFile(key);
    if (local.isPresent()) {
      return use.apply(local.get());
    }
    Path copy = Files.createTempFile(Files.createDirectories(work), "console-", ".pdf");
    try {
      try (InputStream in = store.open(key)) {
        Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
      }
      return use.apply(copy);
    } finally {
      Files.deleteIfExists(copy);
    }
  }

  /** Reads a PDF file. */
  interface PdfUse<T> {
    T apply(Path pdf) throws IOException;
  }
}
