package sohoa.sign.verify;

import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfBoolean;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfIndirectReference;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfNumber;
import com.itextpdf.kernel.pdf.PdfObject;
import com.itextpdf.kernel.pdf.PdfStream;
import com.itextpdf.kernel.pdf.PdfString;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Compares two PDF object graphs by what they hold, not by where: the document as signed and as it
 * is now may give the same object another number, or the same number to another object (an
 * incremental update that overwrites it). Follows references, once per pair of objects, so that
 * cycles end; {@code /Parent} is not followed (it points back up the tree the caller walks down).
 * A stream's data is compared decoded when its encoding changed. Stops with
 * {@link TooLarge} past a budget of objects, so that a hostile graph cannot keep it busy.
 */
final class ObjectComparison {
  /** The graph holds more objects than a verification compares. */
  static final class TooLarge extends RuntimeException {
    TooLarge(String message) {
      super(message);
    }
  }

  private static final int DEPTH = 200;
  private static final Set<PdfName> ENCODING = Set.of(PdfName.Length, PdfName.Filter,
      PdfName.DecodeParms);

  private final Set<Long> compared = new HashSet<>();
  private int budget;

  ObjectComparison(int budget) {
    this.budget = budget;
  }

  /**
   * Where {@code after} differs from {@code before}, each as {@code path: what}; empty when they
   * hold the same, or when this pair of objects was already compared.
   */
  List<String> differences(PdfObject before, PdfObject after, String path) {
    List<String> found = new ArrayList<>();
    compare(before, after, path, 0, found);
    return found;
  }

  /** Whether the two hold the same, reporting nothing. */
  boolean same(PdfObject before, PdfObject after) {
    return new ObjectComparison(budget).differences(before, after, "").isEmpty();
  }

  private void compare(PdfObject before, PdfObject after, String path, int depth,
      List<String> found) {
    if (--budget < 0) {
      throw new TooLarge("the document holds too many objects to compare revisions");
    }
    PdfIndirectReference a = reference(before);
    PdfIndirectReference b = reference(after);
    String where = path + (b != null ? " (object " + b.getObjNumber() + ")"
        : a != null ? " (object " + a.getObjNumber() + " when signed)" : "");
    if (a != null && b != null && !compared.add(((long) a.getObjNumber() << 32)
        | b.getObjNumber())) {
      return;
    }
    PdfObject x = direct(before);
    PdfObject y = direct(after);
    if (x == null || y == null || x.isNull() || y.isNull()) {
      if (!(isNull(x) && isNull(y))) {
        found.add(where + (isNull(x) ? ": added" : ": removed"));
      }
      return;
    }
    if (x.getType() != y.getType()) {
      found.add(where + ": became another kind of object");
      return;
    }
    if (isA(PdfName.Page, x) && isA(PdfName.Page, y)
        || isA(PdfName.Catalog, x) && isA(PdfName.Catalog, y)) {
      // A reference to a page (a destination, an annotation's /P) or to the catalog (DocMDP's
      // /Data) is compared as which one it is; the caller compares those themselves.
      if (a == null || b == null || a.getObjNumber() != b.getObjNumber()) {
        found.add(where + ": points to another " + ((PdfDictionary) y).getAsName(PdfName.Type)
            .getValue().toLowerCase(java.util.Locale.ROOT));
      }
      return;
    }
    if (depth > DEPTH) {
      found.add(where + ": nested too deeply to compare");
      return;
    }
    if (x.isStream()) {
      streams((PdfStream) x, (PdfStream) y, where, depth, found);
    } else if (x.isDictionary()) {
      dictionaries((PdfDictionary) x, (PdfDictionary) y, where, depth, Set.of(), found);
    } else if (x.isArray()) {
      PdfArray p = (PdfArray) x;
      PdfArray q = (PdfArray) y;
      if (p.size() != q.size()) {
        found.add(where + ": had " + p.size() + " entries and has " + q.size());
        return;
      }
      if (primitives(p) && primitives(q)) {
        // A box, a matrix, a list of names: one finding for the whole array.
        for (int i = 0; i < p.size(); i++) {
          if (!primitiveEquals(p.get(i), q.get(i))) {
            found.add(where + ": was " + shown(p) + " and is " + shown(q));
            return;
          }
        }
        return;
      }
      for (int i = 0; i < p.size(); i++) {
        compare(p.get(i, false), q.get(i, false), where + "[" + i + "]", depth + 1, found);
      }
    } else if (!primitiveEquals(x, y)) {
      found.add(where + ": was " + shown(x) + " and is " + shown(y));
    }
  }

  /** Compares two dictionaries key by key, leaving out {@code skipped} and {@code /Parent}. */
  void dictionaries(PdfDictionary x, PdfDictionary y, String where, int depth,
      Set<PdfName> skipped, List<String> found) {
    Set<PdfName> keys = new LinkedHashSet<>(x.keySet());
    keys.addAll(y.keySet());
    for (PdfName key : keys) {
      if (key.equals(PdfName.Parent) || skipped.contains(key)) {
        continue;
      }
      compare(x.get(key, false), y.get(key, false), where + "/" + key.getValue(), depth + 1,
          found);
    }
  }

  private void streams(PdfStream x, PdfStream y, String where, int depth, List<String> found) {
    Set<PdfName> encoding = new HashSet<>(ENCODING);
    dictionaries(x, y, where, depth, encoding, found);
    byte[] raw = x.getBytes(false);
    byte[] other = y.getBytes(false);
    if (Arrays.equals(raw, other)) {
      return;
    }
    boolean sameEncoding = new ObjectComparison(1000).differences(x.get(PdfName.Filter, false),
        y.get(PdfName.Filter, false), "").isEmpty();
    if (sameEncoding || !Arrays.equals(x.getBytes(true), y.getBytes(true))) {
      found.add(where + ": its data changed");
    }
  }

  private static boolean primitives(PdfArray array) {
    for (int i = 0; i < array.size(); i++) {
      PdfObject o = array.get(i, false);
      if (o == null || o.isIndirectReference() || o.isArray() || o.isDictionary()) {
        return false;
      }
    }
    return true;
  }

  private static boolean primitiveEquals(PdfObject x, PdfObject y) {
    if (x.getType() != y.getType()) {
      return false;
    }
    if (x.isNumber()) {
      return ((PdfNumber) x).getValue() == ((PdfNumber) y).getValue();
    }
    if (x.isString()) {
      return Arrays.equals(((PdfString) x).getValueBytes(), ((PdfString) y).getValueBytes());
    }
    if (x.isBoolean()) {
      return ((PdfBoolean) x).getValue() == ((PdfBoolean) y).getValue();
    }
    return x.equals(y) || x.toString().equals(y.toString());
  }

  private static String shown(PdfObject o) {
    String text = o.isString() ? "'" + ((PdfString) o).toUnicodeString() + "'" : o.toString();
    return text.length() > 60 ? text.substring(0, 60) + "…" : text;
  }

  private static boolean isA(PdfName type, PdfObject o) {
    return o.isDictionary() && type.equals(((PdfDictionary) o).getAsName(PdfName.Type));
  }

  private static boolean isNull(PdfObject o) {
    return o == null || o.isNull();
  }

  private static PdfIndirectReference reference(PdfObject o) {
    if (o == null) {
      return null;
    }
    return o.isIndirectReference() ? (PdfIndirectReference) o : o.getIndirectReference();
  }

  private static PdfObject direct(PdfObject o) {
    return o != null && o.isIndirectReference() ? ((PdfIndirectReference) o).getRefersTo() : o;
  }
}
