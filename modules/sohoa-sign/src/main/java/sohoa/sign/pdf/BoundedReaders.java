package sohoa.sign.pdf;

import com.itextpdf.io.source.RandomAccessSourceFactory;
import com.itextpdf.kernel.exceptions.MemoryLimitsAwareException;
import com.itextpdf.kernel.pdf.MemoryLimitsAwareHandler;
import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.ReaderProperties;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import sohoa.core.pdf.FlateStreams;

/**
 * iText readers that inflate no stream of an untrusted PDF past {@value #MAX_STREAM_BYTES} bytes,
 * checked while inflating: over it, {@code MemoryLimitsAwareException} is thrown and the file is
 * refused. iText's own default checks only streams whose filters repeat ({@code [/FlateDecode
 * /FlateDecode]}), and never the cross-reference stream it opens a document by, so a
 * cross-reference stream of 4 MB that inflates to 4 GB ran a 256 MB heap out before a single
 * object was read. Every Flate stream is measured first ({@link FlateStreams}), into a counter.
 */
public final class BoundedReaders {
  /**
   * 64 MB: a scanned page's image inflates to 9 MB (A4, 300 dpi, grey) to 35 MB (colour); what
   * iText inflates to sign and verify (cross-references, object streams, page contents, forms)
   * is far less.
   */
  public static final int MAX_STREAM_BYTES = 64 << 20;

  /** What is wrong with a PDF whose stream went over the limit, as messages say it. */
  public static final String OVER_LIMIT = "a stream in it inflates to more than "
      + (MAX_STREAM_BYTES >> 20) + " MB (a decompression bomb, or a badly broken file)";

  private BoundedReaders() {}

  /** A reader of a PDF file, which is mapped, not read, to measure its streams. */
  public static PdfReader open(Path pdf) throws IOException {
    if (FlateStreams.exceed(pdf, MAX_STREAM_BYTES)) {
      throw new MemoryLimitsAwareException(OVER_LIMIT);
    }
    return new PdfReader(pdf.toFile(), properties());
  }

  /**
   * A reader of a PDF already in memory: iText reads a whole document in either way, and from a
   * plain array its tokenizer is not slowed by the locking of the source it makes of a stream.
   */
  public static PdfReader open(byte[] pdf) throws IOException {
    if (FlateStreams.exceed(ByteBuffer.wrap(pdf), MAX_STREAM_BYTES)) {
      throw new MemoryLimitsAwareException(OVER_LIMIT);
    }
    return unmeasured(pdf);
  }

  /**
   * A reader of an earlier revision of a PDF opened by {@link #open(byte[])}: the revision is a
   * prefix of that file, whose streams were measured then, so they are not measured again; iText
   * still bounds what it inflates.
   */
  public static PdfReader openRevision(byte[] revision) throws IOException {
    return unmeasured(revision);
  }

  private static PdfReader unmeasured(byte[] pdf) throws IOException {
    return new PdfReader(new RandomAccessSourceFactory().createSource(pdf), properties());
  }

  private static ReaderProperties properties() {
    return new ReaderProperties().setMemoryLimitsAwareHandler(new Bounded());
  }

  /** Every stream bounded, whatever its filters. */
  private static final class Bounded extends MemoryLimitsAwareHandler {
    Bounded() {
      setMaxSizeOfSingleDecompressedPdfStream(MAX_STREAM_BYTES);
      // The sum counts every stream a document ever inflated, not what is held at once: a
      // long scan verified page by page must not reach it.
      setMaxSizeOfDecompressedPdfStreamsSum(Long.MAX_VALUE);
    }

    @Override
    public boolean isMemoryLimitsAwarenessRequiredOnDecompression(PdfArray filters) {
      return true;
    }

    @Override
    public MemoryLimitsAwareHandler createNewInstance() {
      return new Bounded();
    }
  }
}
