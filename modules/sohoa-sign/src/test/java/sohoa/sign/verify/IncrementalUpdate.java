package sohoa.sign.verify;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.StampingProperties;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** A change made to a signed PDF through iText in append mode, as any later update is. */
final class IncrementalUpdate {
  /** What the update does to the document. */
  interface Change {
    void apply(PdfDocument pdf) throws IOException;
  }

  private IncrementalUpdate() {}

  /** {@code signed} with {@code change} appended as an incremental update. */
  static byte[] appended(byte[] signed, Change change) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PdfDocument pdf = new PdfDocument(new PdfReader(new ByteArrayInputStream(signed)),
        new PdfWriter(out), new StampingProperties().useAppendMode())) {
      change.apply(pdf);
    }
    return out.toByteArray();
  }
}
