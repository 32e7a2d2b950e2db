package sohoa.sign.verify;

import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.annot.PdfAnnotation;
import com.itextpdf.signatures.SignatureUtil;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What changed in a PDF after a signature: the document as signed (its revision) against the
 * document as it is. Validation data (DSS), document timestamps and further signature fields are
 * what PAdES allows; pages added or removed, page content changed and annotations added over
 * the content are not.
 */
final class Changes {
  /** One change since the signature, and whether PAdES allows it. */
  record Change(String description, boolean allowed) {
    /** As the report lists it: {@code allowed: …} or {@code not allowed: …}. */
    String text() {
      return (allowed ? "allowed: " : "not allowed: ") + description;
    }
  }

  private Changes() {}

  static List<Change> after(SignatureUtil signatures, String name, PdfDocument now)
      throws IOException {
    List<Change> changes = new ArrayList<>();
    if (signatures.signatureCoversWholeDocument(name)) {
      return changes;
    }
    try (InputStream revision = signatures.extractRevision(name);
        PdfDocument signed = new PdfDocument(new PdfReader(revision))) {
      int before = signed.getNumberOfPages();
      int after = now.getNumberOfPages();
      if (before != after) {
        changes.add(new Change("the document had " + before + " page(s) when signed and has "
            + after + " now", false));
      }
      for (int page = 1; page <= Math.min(before, after); page++) {
        if (!Arrays.equals(signed.getPage(page).getContentBytes(),
            now.getPage(page).getContentBytes())) {
          changes.add(new Change("the content of page " + page + " changed", false));
        }
        annotations(signed.getPage(page).getAnnotations(), now.getPage(page).getAnnotations(),
            page, changes);
      }
      boolean dssBefore = signed.getCatalog().getPdfObject().containsKey(PdfName.DSS);
      boolean dssNow = now.getCatalog().getPdfObject().containsKey(PdfName.DSS);
      if (dssNow && !dssBefore) {
        changes.add(new Change("validation data (DSS) added", true));
      } else if (dssNow) {
        changes.add(new Change("validation data (DSS) updated", true));
      }
      List<String> names = signatures.getSignatureNames();
      for (String later : names.subList(names.indexOf(name) + 1, names.size())) {
        changes.add(new Change(PdfName.ETSI_RFC3161.equals(
            signatures.getSignature(later).getSubFilter())
            ? "document timestamp " + later + " added" : "signature " + later + " added", true));
      }
    }
    return changes;
  }

  /** Annotations now on the page that were not when it was signed; signature widgets allowed. */
  private static void annotations(List<PdfAnnotation> before, List<PdfAnnotation> now, int page,
      List<Change> changes) {
    List<Object> known = new ArrayList<>();
    for (PdfAnnotation annotation : before) {
      known.add(annotation.getPdfObject().getIndirectReference() != null
          ? annotation.getPdfObject().getIndirectReference().getObjNumber() : annotation);
    }
    for (PdfAnnotation annotation : now) {
      Object key = annotation.getPdfObject().getIndirectReference() != null
          ? annotation.getPdfObject().getIndirectReference().getObjNumber() : annotation;
      if (known.contains(key)) {
        continue;
      }
      boolean signatureWidget = PdfName.Widget.equals(annotation.getSubtype())
          && PdfName.Sig.equals(annotation.getPdfObject().getAsName(PdfName.FT));
      if (!signatureWidget) {
        changes.add(new Change("a " + annotation.getSubtype().getValue()
            + " annotation was added on page " + page, false));
      }
    }
  }
}
