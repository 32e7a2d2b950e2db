package sohoa.certify;

import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.StampingProperties;
import com.itextpdf.pdfa.PdfADocument;
import java.io.IOException;
import java.nio.file.Path;
import sohoa.core.error.CertificationFailure;
import sohoa.sign.pdf.BoundedReaders;

/**
 * Makes the unsigned copy: the original's PDF/A, byte for byte, followed by an incremental update
 * that adds the lời chứng and the {@link CertificationMark}. Appending (rather than rewriting)
 * is what lets anyone check, from the copy alone, that its first bytes are exactly the original
 * the QR code's digest names; PdfADocument keeps the result PDF/A.
 */
final class CopyMaker {
  private final CopyFonts fonts;

  CopyMaker(CopyFonts fonts) {
    this.fonts = fonts;
  }

  /** The page count the copy will have, given the original's. */
  static int copyPages(int originalPages, Placement placement) {
    return placement == Placement.PAGE ? originalPages + 1 : originalPages;
  }

  void make(Path original, Path copy, CertificationStatement statement, CertificationMark mark,
      Placement placement) throws IOException, CertificationFailure {
    try (PdfADocument pdf = new PdfADocument(BoundedReaders.open(original),
        new PdfWriter(copy.toFile()), new StampingProperties().useAppendMode())) {
      CertificationPage page = CertificationPage.in(pdf, fonts);
      if (placement == Placement.PAGE) {
        page.addPage(pdf, statement);
      } else {
        page.stamp(pdf, statement);
      }
      mark.writeTo(pdf);
    }
  }
}
