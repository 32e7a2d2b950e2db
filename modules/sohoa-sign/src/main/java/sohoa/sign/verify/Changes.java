package sohoa.sign.verify;

import com.itextpdf.forms.PdfAcroForm;
import com.itextpdf.forms.fields.PdfFormField;
import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfNumber;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.annot.PdfAnnotation;
import com.itextpdf.signatures.SignatureUtil;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed in a PDF after a signature: the document as signed (its revision) against the
 * document as it is. Validation data (DSS) and document timestamps are always allowed; further
 * signatures and form fields filled in are allowed unless a certification signature (DocMDP)
 * forbids all changes (P=1); pages added or removed, page content changed, new form fields and
 * annotations added over the content are not allowed (annotations are where DocMDP P=3 allows
 * them).
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
      int permission = certificationPermission(signed);
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
            page, permission == 3, changes);
      }
      formFields(signed, now, permission != 1, changes);
      boolean dssBefore = signed.getCatalog().getPdfObject().containsKey(PdfName.DSS);
      boolean dssNow = now.getCatalog().getPdfObject().containsKey(PdfName.DSS);
      if (dssNow && !dssBefore) {
        changes.add(new Change("validation data (DSS) added", true));
      } else if (dssNow) {
        changes.add(new Change("validation data (DSS) updated", true));
      }
      List<String> names = signatures.getSignatureNames();
      for (String later : names.subList(names.indexOf(name) + 1, names.size())) {
        boolean timestamp = PdfName.ETSI_RFC3161.equals(
            signatures.getSignature(later).getSubFilter());
        changes.add(timestamp ? new Change("document timestamp " + later + " added", true)
            : new Change("signature " + later + " added" + (permission == 1
                ? " to a document certified as allowing no changes" : ""), permission != 1));
      }
    }
    return changes;
  }

  /**
   * The DocMDP permission of the document's certification signature, if it has one: 1 no
   * changes, 2 form filling and signing, 3 also annotations; 0 when it is not certified.
   */
  private static int certificationPermission(PdfDocument signed) {
    PdfDictionary perms = signed.getCatalog().getPdfObject().getAsDictionary(PdfName.Perms);
    PdfDictionary certification = perms == null ? null : perms.getAsDictionary(PdfName.DocMDP);
    PdfArray references = certification == null ? null
        : certification.getAsArray(PdfName.Reference);
    if (references == null || references.isEmpty()) {
      return 0;
    }
    PdfDictionary params = references.getAsDictionary(0).getAsDictionary(PdfName.TransformParams);
    PdfNumber p = params == null ? null : params.getAsNumber(PdfName.P);
    // ISO 32000-1 12.8.2.2: P defaults to 2.
    return p == null ? 2 : p.intValue();
  }

  /** Form fields (not signature fields) added or given another value since the signature. */
  private static void formFields(PdfDocument signed, PdfDocument now, boolean fillingAllowed,
      List<Change> changes) {
    Map<String, PdfFormField> before = fields(signed);
    for (Map.Entry<String, PdfFormField> field : fields(now).entrySet()) {
      if (PdfName.Sig.equals(field.getValue().getFormType())) {
        continue;
      }
      PdfFormField old = before.get(field.getKey());
      if (old == null) {
        changes.add(new Change("form field '" + field.getKey() + "' was added", false));
      } else if (!Objects.equals(old.getValueAsString(), field.getValue().getValueAsString())) {
        changes.add(new Change("form field '" + field.getKey() + "' was filled in"
            + (fillingAllowed ? "" : " on a document certified as allowing no changes"),
            fillingAllowed));
      }
    }
  }

  private static Map<String, PdfFormField> fields(PdfDocument pdf) {
    PdfAcroForm form = PdfAcroForm.getAcroForm(pdf, false);
    return form == null ? Map.of() : form.getAllFormFields();
  }

  /**
   * Annotations now on the page that were not when it was signed; signature widgets allowed,
   * others only where {@code annotationsAllowed} (DocMDP P=3).
   */
  private static void annotations(List<PdfAnnotation> before, List<PdfAnnotation> now, int page,
      boolean annotationsAllowed, List<Change> changes) {
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
            + " annotation was added on page " + page, annotationsAllowed));
      }
    }
  }
}
