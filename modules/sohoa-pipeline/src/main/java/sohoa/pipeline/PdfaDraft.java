package sohoa.pipeline;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import sohoa.core.error.SohoaException;
import sohoa.core.error.StorageFailure;
import sohoa.extract.fields.DocumentFields;
import sohoa.pdf.pdfa.ArchiveInfo;
import sohoa.pdf.pdfa.PdfaWriter;
import sohoa.pdf.pdfa.TextLayerFont;

/**
 * The document's PDF/A as it is written, page by page in order ({@link #run} is the write stage of
 * each page), and finished with the fields in its XMP once every page is in.
 */
final class PdfaDraft implements Stage<PageContext, PageResult, WrittenPage>, AutoCloseable {
  private final DocumentContext document;
  private final Path file;
  private final OutputStream out;
  private final PdfaWriter writer;
  private boolean finished;

  private PdfaDraft(DocumentContext document, Path file, OutputStream out, PdfaWriter writer) {
    this.document = document;
    this.file = file;
    this.out = out;
    this.writer = writer;
  }

  /** Starts {@code document}'s PDF/A in its work folder. */
  static PdfaDraft open(DocumentContext document, TextLayerFont font, String producer)
      throws StorageFailure {
    Path file = document.file("pdfa.pdf");
    OutputStream out;
    try {
      out = Files.newOutputStream(file);
    } catch (IOException e) {
      throw failure(document, e);
    }
    try {
      return new PdfaDraft(document, file, out, PdfaWriter.open(out, new ArchiveInfo(
          document.name(), document.name(), document.hash(), document.started(), producer),
          font));
    } catch (RuntimeException e) {
      try {
        out.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }


  /**
   * Writes one page; its pixels go once they are in the PDF, and what the manifest and catalog
   * need of it is kept.
   */
  @Override
  public WrittenPage run(PageContext page, PageResult result) throws SohoaException {
    writer.addPage(result.image(), result.alignment(), result.text());
    document.listener().pageFinished(document.source(), result.image().page(), page.count());
    return new WrittenPage(result.entry(document.options().reviewBelow()), result.text(),
        result.alignment());
  }

  /** Describes the document with {@code fields} and closes the PDF/A: the finished file. */
  Path finish(DocumentFields fields) throws SohoaException {
    writer.describe(FieldDescriptions.archive(fields));
    finished = true;
    try (out) {
      writer.close();
    } catch (IOException e) {
      throw failure(document, e);
    }
    return file;
  }

  @Override
  public void close() {
    if (!finished) {
      try (out) {
        writer.close();
      } catch (IOException | RuntimeException e) {
        // The document has already failed with its own reason; a half-written PDF/A in the work
        // folder is removed with it.
      }
    }
  }

  private static StorageFailure failure(DocumentContext document, IOException e) {
    return new StorageFailure("cannot write the PDF/A for " + document.name() + " in "
        + document.work() + ": " + e.getMessage(), "check free space in the data folder", e);
  }
}
