package sohoa.sign.verify;

import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfNumber;
import com.itextpdf.kernel.pdf.PdfString;
import java.util.HashSet;
import java.util.Set;

/**
 * What a signature lets others change after it (ISO 32000-1 12.8.2): the document's certification
 * (DocMDP) as it stood when the signature was made, and the form fields the signature itself
 * locks (FieldMDP, or its field's {@code /Lock}).
 *
 * @param docMdp 0 when the document is not certified; else 1 no changes, 2 form filling and
 *     signing, 3 also annotations
 * @param lockAll the signature locks every form field
 * @param lockedOrFree the fields it locks ({@code /Include}) or, with {@code lockAll}, the ones it
 *     leaves free ({@code /Exclude})
 */
record Permissions(int docMdp, boolean lockAll, Set<String> lockedOrFree) {
  Permissions {
    lockedOrFree = Set.copyOf(lockedOrFree);
  }

  static Permissions of(PdfDocument signed, PdfDictionary signature, PdfDictionary field) {
    boolean all = false;
    Set<String> names = new HashSet<>();
    PdfArray references = signature.getAsArray(PdfName.Reference);
    for (int i = 0; references != null && i < references.size(); i++) {
      PdfDictionary reference = references.getAsDictionary(i);
      if (reference != null && PdfName.FieldMDP.equals(
          reference.getAsName(PdfName.TransformMethod))) {
        all |= lock(reference.getAsDictionary(PdfName.TransformParams), names);
      }
    }
    all |= lock(field == null ? null : field.getAsDictionary(PdfName.Lock), names);
    return new Permissions(docMdp(signed), all, names);
  }

  /** Reads a lock into {@code names}; true when it locks all fields but those named. */
  private static boolean lock(PdfDictionary lock, Set<String> names) {
    if (lock == null) {
      return false;
    }
    PdfArray fields = lock.getAsArray(PdfName.Fields);
    for (int i = 0; fields != null && i < fields.size(); i++) {
      PdfString name = fields.getAsString(i);
      if (name != null) {
        names.add(name.toUnicodeString());
      }
    }
    PdfName action = lock.getAsName(PdfName.Action);
    return PdfName.All.equals(action) || PdfName.Exclude.equals(action);
  }

  private static int docMdp(PdfDocument signed) {
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

  boolean noChanges() {
    return docMdp == 1;
  }

  boolean annotationsAllowed() {
    return docMdp == 3;
  }

  /** Whether the field may be filled in after this signature. */
  boolean mayFill(String field) {
    if (docMdp == 1) {
      return false;
    }
    return lockAll ? lockedOrFree.contains(field) : !lockedOrFree.contains(field);
  }
}
