package sohoa.sign.verify;

import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;

/**
 * Where a signed shadow document keeps what a hide-and-replace update needs: its catalog, the
 * root of the page tree it shows, and the page tree it hides.
 *
 * @param catalog the catalog's object number
 * @param catalogText the catalog as PDF syntax
 * @param pagesRoot the object number of the page tree shown when signed
 * @param tree the object number of the hidden page tree
 * @param shadowPage the object number of the hidden tree's page
 * @param newObject a free object number for the update
 */
record Shadow(int catalog, String catalogText, int pagesRoot, int tree, int shadowPage,
    int newObject) {
  static Shadow find(byte[] signed) throws IOException {
    try (PdfDocument pdf = new PdfDocument(new PdfReader(new ByteArrayInputStream(signed)))) {
      PdfDictionary catalog = pdf.getCatalog().getPdfObject();
      PdfDictionary tree = catalog.getAsDictionary(new PdfName("SohoaShadow"));
      return new Shadow(catalog.getIndirectReference().getObjNumber(), catalog.toString(),
          catalog.getAsDictionary(PdfName.Pages).getIndirectReference().getObjNumber(),
          tree.getIndirectReference().getObjNumber(),
          tree.getAsArray(PdfName.Kids).getAsDictionary(0).getIndirectReference().getObjNumber(),
          pdf.getNumberOfPdfObjects());
    }
  }

  /** {@code signed} updated with a new catalog whose page tree is the hidden one. */
  byte[] withNewCatalog(byte[] signed) throws IOException {
    return RawUpdate.append(signed, Map.of(newObject, catalogText.replaceFirst(
        "/Pages \\d+ \\d+ R", "/Pages " + tree + " 0 R")), newObject);
  }

  /** {@code signed} updated with the shown page tree's root overwritten to hold the hidden page. */
  byte[] withPageTreeOverwritten(byte[] signed) throws IOException {
    return RawUpdate.append(signed, Map.of(pagesRoot, "<< /Type /Pages /Count 1 /Kids ["
        + shadowPage + " 0 R] >>"), -1);
  }
}
