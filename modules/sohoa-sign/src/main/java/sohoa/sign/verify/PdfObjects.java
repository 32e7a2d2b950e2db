package sohoa.sign.verify;

import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfIndirectReference;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfObject;
import com.itextpdf.kernel.pdf.PdfPage;
import com.itextpdf.kernel.pdf.PdfString;
import java.util.ArrayList;
import java.util.List;

/**
 * What a revision comparison asks of PDF objects: whether a dictionary is a form field or a
 * signature, a field's inherited attributes and full name, an object's number, and how to name
 * them in a report.
 */
final class PdfObjects {
  private PdfObjects() {}

  static boolean isField(PdfDictionary dictionary) {
    return inherited(dictionary, PdfName.FT) != null;
  }

  static boolean isSignature(PdfDictionary dictionary) {
    return PdfName.Sig.equals(inherited(dictionary, PdfName.FT));
  }

  static boolean isTimestamp(PdfObject value) {
    return value instanceof PdfDictionary d && PdfName.ETSI_RFC3161.equals(
        d.getAsName(PdfName.SubFilter));
  }

  /** A field's attribute, from the field or its ancestors (ISO 32000-1 12.7.3.1). */
  static PdfObject inherited(PdfDictionary field, PdfName key) {
    PdfDictionary current = field;
    for (int depth = 0; current != null && depth < 32; depth++) {
      PdfObject value = current.get(key);
      if (value != null) {
        return value;
      }
      current = current.getAsDictionary(PdfName.Parent);
    }
    return null;
  }

  /** A field's full name, its ancestors' partial names joined by dots. */
  static String fieldName(PdfDictionary field) {
    List<String> parts = new ArrayList<>();
    PdfDictionary current = field;
    for (int depth = 0; current != null && depth < 32; depth++) {
      PdfString partial = current.getAsString(PdfName.T);
      if (partial != null) {
        parts.add(0, partial.toUnicodeString());
      }
      current = current.getAsDictionary(PdfName.Parent);
    }
    return parts.isEmpty() ? "(no name)" : String.join(".", parts);
  }

  static String subtype(PdfDictionary annotation) {
    PdfName subtype = annotation.getAsName(PdfName.Subtype);
    return subtype == null ? "untyped" : subtype.getValue();
  }

  static String shown(PdfObject value) {
    if (value == null || value.isNull()) {
      return "nothing";
    }
    String text = value.isString() ? ((PdfString) value).toUnicodeString() : value.toString();
    return "'" + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + "'";
  }

  static String object(PdfObject o) {
    int number = number(o);
    return number < 0 ? "" : " (object " + number + ")";
  }

  static int number(PdfObject o) {
    PdfIndirectReference reference = o.isIndirectReference() ? (PdfIndirectReference) o
        : o.getIndirectReference();
    return reference == null ? -1 : reference.getObjNumber();
  }

  /** Identity for fields: the object number, or the dictionary itself when it is direct. */
  static long key(PdfDictionary field) {
    int number = number(field);
    return number >= 0 ? number : ((long) System.identityHashCode(field) << 32);
  }

  static PdfDictionary dictionary(PdfObject o) {
    PdfObject direct = o.isIndirectReference() ? ((PdfIndirectReference) o).getRefersTo() : o;
    return direct instanceof PdfDictionary d ? d : null;
  }

  static List<PdfObject> annotationsOf(PdfPage page) {
    PdfArray annots = page.getPdfObject().getAsArray(PdfName.Annots);
    List<PdfObject> list = new ArrayList<>();
    for (int i = 0; annots != null && i < annots.size(); i++) {
      list.add(annots.get(i, false));
    }
    return list;
  }

  static List<PdfDictionary> fieldsIn(PdfArray array) {
    List<PdfDictionary> list = new ArrayList<>();
    for (int i = 0; array != null && i < array.size(); i++) {
      PdfDictionary field = array.getAsDictionary(i);
      if (field != null) {
        list.add(field);
      }
    }
    return list;
  }
}
