package sohoa.sign.verify;

import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfIndirectReference;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfObject;
import com.itextpdf.kernel.pdf.PdfPage;
import com.itextpdf.kernel.pdf.PdfStream;
import com.itextpdf.kernel.pdf.PdfString;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The document as a signature signed it (its revision) against the document as it is now,
 * object by object from the catalog down: every page's content, resources (fonts, images, form
 * XObjects, optional content), annotations and their appearances, form fields and their values,
 * the page tree, outlines, actions and names. What PAdES and the signature's permissions allow is
 * listed as allowed: validation data (DSS), document timestamps and later signatures (unless the
 * document is certified as allowing no changes), an empty form field filled in where DocMDP and
 * FieldMDP allow it, annotations where DocMDP P=3 allows them. Everything else is not: it is how
 * the shadow attacks hide, replace, or hide and replace what was signed (by overlays, by
 * overwriting objects, by objects referenced from unchanged ones, by form fields).
 */
final class RevisionComparison {
  private static final Set<PdfName> PAGE_KEYS_APART = Set.of(PdfName.Contents, PdfName.Resources,
      PdfName.Annots, PdfName.MediaBox, PdfName.CropBox, PdfName.Rotate);
  private static final Set<PdfName> SIGNING_KEYS = Set.of(PdfName.V, PdfName.AP, PdfName.MK,
      PdfName.DA);
  /** The XMP elements that say what the document is. */
  private static final List<String> DESCRIBING = List.of("dc:title", "dc:creator",
      "dc:description", "dc:subject", "pdf:Keywords");
  private static final Set<PdfName> FILLING_KEYS = Set.of(PdfName.V, PdfName.AP, PdfName.AS);

  private final PdfDocument signed;
  private final PdfDocument now;
  private final Permissions permissions;
  private final ObjectComparison objects = new ObjectComparison(2_000_000);
  private final List<Change> changes = new ArrayList<>();
  private final Set<Long> fieldsSeen = new HashSet<>();
  private final Map<Integer, List<Rectangle>> drawnSince = new HashMap<>();

  private RevisionComparison(PdfDocument signed, PdfDocument now, Permissions permissions) {
    this.signed = signed;
    this.now = now;
    this.permissions = permissions;
  }

  /** What the comparison found, and where allowed changes draw on the pages. */
  record Result(List<Change> changes, Map<Integer, List<Rectangle>> drawnSince) {}

  /**
   * @throws ObjectComparison.TooLarge when the documents hold too many objects to compare
   */
  static Result compare(PdfDocument signed, PdfDocument now, Permissions permissions) {
    RevisionComparison comparison = new RevisionComparison(signed, now, permissions);
    comparison.catalog();
    return new Result(List.copyOf(comparison.changes), Map.copyOf(comparison.drawnSince));
  }

  private void catalog() {
    PdfDictionary before = signed.getCatalog().getPdfObject();
    PdfDictionary after = now.getCatalog().getPdfObject();
    Set<PdfName> keys = new LinkedHashSet<>(before.keySet());
    keys.addAll(after.keySet());
    // Pages first: the fields met there as widgets are then reported with their page.
    pages();
    for (PdfName key : keys) {
      PdfObject x = before.get(key, false);
      PdfObject y = after.get(key, false);
      if (key.equals(PdfName.Pages)) {
        continue;
      } else if (key.equals(PdfName.AcroForm)) {
        form(before.getAsDictionary(key), after.getAsDictionary(key));
      } else if (key.equals(PdfName.DSS)) {
        if (!objects.same(x, y)) {
          changes.add(Change.allowed(ChangeClass.VALIDATION_DATA, x == null
              ? "validation data (DSS) added" : "validation data (DSS) updated"));
        }
      } else if (key.equals(PdfName.Metadata) && x != null && y != null) {
        metadata(before.getAsStream(key), after.getAsStream(key));
      } else if (key.equals(PdfName.Extensions) || key.equals(PdfName.Version)) {
        // Declared with validation data (ESIC) or a later PDF version: nothing a reader sees.
        if (!objects.same(x, y)) {
          changes.add(Change.allowed(ChangeClass.DOCUMENT, "the document's declared "
              + key.getValue() + " changed"));
        }
      } else {
        refuseDifferences(catalogClass(key), OptionalInt.empty(), "the catalog's /"
            + key.getValue(), x, y);
      }
    }
  }

  /**
   * The document's XMP: signing a PDF/A updates its dates and declared extensions, which is
   * allowed; what it says the document is (title, author, description, subject) may not change.
   */
  private void metadata(PdfStream before, PdfStream after) {
    if (before == null || after == null) {
      refuseDifferences(ChangeClass.METADATA, OptionalInt.empty(), "the catalog's /Metadata",
          before, after);
      return;
    }
    String was = new String(before.getBytes(), StandardCharsets.UTF_8);
    String is = new String(after.getBytes(), StandardCharsets.UTF_8);
    if (was.equals(is)) {
      return;
    }
    for (String element : DESCRIBING) {
      if (!described(was, element).equals(described(is, element))) {
        changes.add(Change.refused(ChangeClass.METADATA, OptionalInt.empty(), "the document's "
            + element + " in its XMP metadata changed"));
        return;
      }
    }
    changes.add(Change.allowed(ChangeClass.METADATA, "the XMP metadata was updated (dates,"
        + " producer, extensions)"));
  }

  private static String described(String xmp, String element) {
    Matcher m = Pattern.compile("<" + element + "[ >].*?</" + element + ">", Pattern.DOTALL)
        .matcher(xmp);
    return m.find() ? m.group().replaceAll(">\\s+<", "><").replaceAll("\\s+", " ") : "";
  }

  private static ChangeClass catalogClass(PdfName key) {
    if (key.equals(PdfName.OCProperties)) {
      return ChangeClass.OPTIONAL_CONTENT;
    }
    if (key.equals(PdfName.Metadata)) {
      return ChangeClass.METADATA;
    }
    if (key.equals(PdfName.Perms)) {
      return ChangeClass.SIGNATURE;
    }
    if (Set.of(PdfName.Outlines, PdfName.OpenAction, PdfName.AA, PdfName.Names, PdfName.Dests,
        PdfName.URI).contains(key)) {
      return ChangeClass.ACTION;
    }
    return ChangeClass.DOCUMENT;
  }

  private void refuseDifferences(ChangeClass kind, OptionalInt page, String path, PdfObject x,
      PdfObject y) {
    for (String difference : objects.differences(x, y, path)) {
      changes.add(Change.refused(kind, page, onPage(page) + difference));
    }
  }

  private static String onPage(OptionalInt page) {
    return page.isPresent() ? "page " + page.getAsInt() + ": " : "";
  }

  /** The pages in order, each with what it inherits from the page tree. */
  private void pages() {
    int before = signed.getNumberOfPages();
    int after = now.getNumberOfPages();
    if (before != after) {
      changes.add(Change.refused(ChangeClass.PAGE_TREE, OptionalInt.empty(),
          "the document had " + before + " page(s) when signed and has " + after + " now"));
    }
    for (int number = 1; number <= Math.min(before, after); number++) {
      page(number, signed.getPage(number), now.getPage(number));
    }
  }

  private void page(int number, PdfPage x, PdfPage y) {
    OptionalInt page = OptionalInt.of(number);
    if (!Arrays.equals(x.getContentBytes(), y.getContentBytes())) {
      changes.add(Change.refused(ChangeClass.PAGE_CONTENT, page,
          "the content of page " + number + " changed"));
    }
    refuseDifferences(ChangeClass.RESOURCE, page, "/Resources", x.getResources().getPdfObject(),
        y.getResources().getPdfObject());
    if (!x.getMediaBox().equalsWithEpsilon(y.getMediaBox())
        || !x.getCropBox().equalsWithEpsilon(y.getCropBox())
        || x.getRotation() != y.getRotation()) {
      changes.add(Change.refused(ChangeClass.PAGE_TREE, page,
          "the size, crop or rotation of page " + number + " changed"));
    }
    List<String> others = new ArrayList<>();
    objects.dictionaries(x.getPdfObject(), y.getPdfObject(), "", 0, PAGE_KEYS_APART, others);
    for (String difference : others) {
      changes.add(Change.refused(difference.startsWith("/AA") ? ChangeClass.ACTION
          : ChangeClass.PAGE_CONTENT, page, "page " + number + "'s " + difference));
    }
    annotations(number, annotations(x), annotations(y));
  }

  private static List<PdfObject> annotations(PdfPage page) {
    PdfArray annots = page.getPdfObject().getAsArray(PdfName.Annots);
    List<PdfObject> list = new ArrayList<>();
    for (int i = 0; annots != null && i < annots.size(); i++) {
      list.add(annots.get(i, false));
    }
    return list;
  }

  /** Annotations matched by object number: added, removed and changed ones. */
  private void annotations(int number, List<PdfObject> before, List<PdfObject> after) {
    OptionalInt page = OptionalInt.of(number);
    Map<Integer, PdfObject> known = new HashMap<>();
    for (PdfObject annotation : before) {
      known.put(number(annotation), annotation);
    }
    Set<Integer> kept = new HashSet<>();
    for (PdfObject annotation : after) {
      PdfObject old = known.get(number(annotation));
      PdfDictionary dictionary = dictionary(annotation);
      if (dictionary == null) {
        continue;
      }
      if (old == null || number(annotation) < 0) {
        added(page, dictionary);
      } else {
        kept.add(number(annotation));
        PdfDictionary was = dictionary(old);
        if (isField(dictionary)) {
          field(page, was, dictionary);
        } else {
          annotation(page, was, dictionary);
        }
      }
    }
    for (PdfObject annotation : before) {
      PdfDictionary was = dictionary(annotation);
      if (was != null && !kept.contains(number(annotation))) {
        boolean signature = isSignature(was);
        changes.add(new Change(ChangeClass.ANNOTATION, page, "a " + subtype(was)
            + (signature ? " of a signature" : "") + " annotation" + object(annotation)
            + " was removed from page " + number, permissions.annotationsAllowed() && !signature
            && !isField(was)));
      }
    }
  }

  private void added(OptionalInt page, PdfDictionary annotation) {
    int number = page.getAsInt();
    if (isSignature(annotation)) {
      signatureFieldAdded(page, annotation);
    } else if (isField(annotation)) {
      changes.add(Change.refused(ChangeClass.FORM_FIELD, page, "form field '"
          + fieldName(annotation) + "' was added on page " + number));
    } else {
      changes.add(new Change(ChangeClass.ANNOTATION, page, "a " + subtype(annotation)
          + " annotation was added on page " + number + object(annotation),
          permissions.annotationsAllowed()));
      drawn(page, annotation);
    }
  }

  private void annotation(OptionalInt page, PdfDictionary was, PdfDictionary is) {
    List<String> differences = objects.differences(was, is, "");
    if (!differences.isEmpty()) {
      changes.add(new Change(ChangeClass.ANNOTATION, page, "the " + subtype(is) + " annotation"
          + object(is) + " on page " + page.getAsInt() + " changed: " + String.join("; ",
              differences), permissions.annotationsAllowed()));
      drawn(page, is);
    }
  }

  /** A new signature field: allowed (a later signature or document timestamp) unless P=1. */
  private void signatureFieldAdded(OptionalInt page, PdfDictionary field) {
    if (!fieldsSeen.add(key(field))) {
      return;
    }
    PdfDictionary value = inherited(field, PdfName.V) instanceof PdfDictionary d ? d : null;
    boolean timestamp = value != null && PdfName.ETSI_RFC3161.equals(
        value.getAsName(PdfName.SubFilter));
    if (permissions.noChanges() && !timestamp) {
      changes.add(Change.refused(ChangeClass.SIGNATURE, page, "signature field '"
          + fieldName(field) + "' was added to a document certified as allowing no changes"));
    } else if (value == null) {
      changes.add(Change.allowed(ChangeClass.SIGNATURE, "an empty signature field '"
          + fieldName(field) + "' was added"));
    }
    if (page.isPresent()) {
      drawn(page, field);
    }
  }

  /**
   * A field that was there when signed. A signature field may be signed if it was empty; any
   * other field may be filled in if it was empty and the permissions allow it. A value the signer
   * saw may not change, nor an appearance without its value.
   */
  private void field(OptionalInt page, PdfDictionary was, PdfDictionary is) {
    if (!fieldsSeen.add(key(is))) {
      return;
    }
    String name = fieldName(is);
    PdfObject before = inherited(was, PdfName.V);
    PdfObject after = inherited(is, PdfName.V);
    boolean signature = isSignature(is);
    boolean wasEmpty = before == null || before.isNull()
        || (before.isString() && ((PdfString) before).getValueBytes().length == 0);
    boolean valueChanged = !objects.same(before, after);
    Set<PdfName> apart = signature ? SIGNING_KEYS : FILLING_KEYS;
    List<String> rest = new ArrayList<>();
    objects.dictionaries(was, is, "", 0, apart, rest);
    ChangeClass kind = signature ? ChangeClass.SIGNATURE : ChangeClass.FORM_FIELD;
    for (String difference : rest) {
      changes.add(Change.refused(kind, page, "field '" + name + "'" + object(is) + difference));
    }
    if (!valueChanged) {
      List<String> appearance = new ArrayList<>();
      for (PdfName key : apart) {
        appearance.addAll(objects.differences(was.get(key, false), is.get(key, false),
            "/" + key.getValue()));
      }
      if (!appearance.isEmpty()) {
        changes.add(Change.refused(kind, page, "the appearance of field '" + name + "'"
            + object(is) + " changed without its value: " + String.join("; ", appearance)));
      }
      return;
    }
    if (signature) {
      if (!wasEmpty || (permissions.noChanges() && !isTimestamp(after))) {
        changes.add(Change.refused(kind, page, wasEmpty ? "signature field '" + name
            + "' was signed on a document certified as allowing no changes"
            : "the signature in field '" + name + "' was replaced"));
      }
      page.ifPresent(p -> drawn(page, is));
    } else if (!wasEmpty) {
      changes.add(Change.refused(kind, page, "form field '" + name + "'" + object(is)
          + " showed " + shown(before) + " when signed and shows " + shown(after) + " now"));
    } else {
      boolean allowed = permissions.mayFill(name);
      changes.add(new Change(kind, page, "form field '" + name + "' was filled in"
          + (allowed ? "" : permissions.noChanges()
              ? " on a document certified as allowing no changes"
              : " although the signature locks it"), allowed));
      page.ifPresent(p -> drawn(page, is));
    }
  }

  private static boolean isTimestamp(PdfObject value) {
    return value instanceof PdfDictionary d && PdfName.ETSI_RFC3161.equals(
        d.getAsName(PdfName.SubFilter));
  }

  /** The interactive form: signature fields may be added, the rest compared as fields. */
  private void form(PdfDictionary before, PdfDictionary after) {
    if (before == null && after == null) {
      return;
    }
    PdfDictionary was = before == null ? new PdfDictionary() : before;
    PdfDictionary is = after == null ? new PdfDictionary() : after;
    List<String> differences = new ArrayList<>();
    objects.dictionaries(was, is, "", 0, Set.of(PdfName.Fields, PdfName.SigFlags, PdfName.DR),
        differences);
    for (String difference : differences) {
      changes.add(Change.refused(ChangeClass.FORM_FIELD, OptionalInt.empty(), "the form's"
          + difference));
    }
    resourcesOnlyAdded(was.getAsDictionary(PdfName.DR), is.getAsDictionary(PdfName.DR));
    fields(fields(was.getAsArray(PdfName.Fields)), fields(is.getAsArray(PdfName.Fields)));
  }

  /** The form's default resources may gain entries (a signature's font), not change them. */
  private void resourcesOnlyAdded(PdfDictionary before, PdfDictionary after) {
    if (before == null) {
      return;
    }
    if (after == null) {
      changes.add(Change.refused(ChangeClass.FORM_FIELD, OptionalInt.empty(),
          "the form's default resources (/DR) were removed"));
      return;
    }
    for (PdfName type : before.keySet()) {
      PdfDictionary x = before.getAsDictionary(type);
      PdfDictionary y = after.getAsDictionary(type);
      for (PdfName name : x == null ? Set.<PdfName>of() : x.keySet()) {
        refuseDifferences(ChangeClass.FORM_FIELD, OptionalInt.empty(), "the form's /DR/"
            + type.getValue() + "/" + name.getValue(), x.get(name, false),
            y == null ? null : y.get(name, false));
      }
    }
  }

  private static List<PdfDictionary> fields(PdfArray array) {
    List<PdfDictionary> list = new ArrayList<>();
    for (int i = 0; array != null && i < array.size(); i++) {
      PdfDictionary field = array.getAsDictionary(i);
      if (field != null) {
        list.add(field);
      }
    }
    return list;
  }

  private void fields(List<PdfDictionary> before, List<PdfDictionary> after) {
    Map<Long, PdfDictionary> known = new HashMap<>();
    before.forEach(f -> known.put(key(f), f));
    Set<Long> kept = new HashSet<>();
    for (PdfDictionary field : after) {
      PdfDictionary was = known.get(key(field));
      if (was == null) {
        if (isSignature(field)) {
          signatureFieldAdded(OptionalInt.empty(), field);
        } else if (fieldsSeen.add(key(field))) {
          changes.add(Change.refused(ChangeClass.FORM_FIELD, OptionalInt.empty(),
              "form field '" + fieldName(field) + "' was added"));
        }
        continue;
      }
      kept.add(key(field));
      if (field.containsKey(PdfName.Kids) && !field.containsKey(PdfName.Subtype)) {
        fields(fields(was.getAsArray(PdfName.Kids)), fields(field.getAsArray(PdfName.Kids)));
        List<String> rest = new ArrayList<>();
        objects.dictionaries(was, field, "", 0, Set.of(PdfName.Kids), rest);
        rest.forEach(d -> changes.add(Change.refused(ChangeClass.FORM_FIELD,
            OptionalInt.empty(), "field '" + fieldName(field) + "'" + d)));
      } else {
        field(OptionalInt.empty(), was, field);
      }
    }
    for (PdfDictionary field : before) {
      if (!kept.contains(key(field))) {
        changes.add(Change.refused(isSignature(field) ? ChangeClass.SIGNATURE
            : ChangeClass.FORM_FIELD, OptionalInt.empty(), "field '" + fieldName(field)
            + "' was removed"));
      }
    }
  }

  private void drawn(OptionalInt page, PdfDictionary annotation) {
    PdfArray rect = annotation.getAsArray(PdfName.Rect);
    if (rect != null && rect.size() == 4) {
      Rectangle box = rect.toRectangle();
      if (box.getWidth() > 0 && box.getHeight() > 0) {
        drawnSince.computeIfAbsent(page.getAsInt(), p -> new ArrayList<>()).add(box);
      }
    }
  }

  private static boolean isField(PdfDictionary dictionary) {
    return inherited(dictionary, PdfName.FT) != null;
  }

  private static boolean isSignature(PdfDictionary dictionary) {
    return PdfName.Sig.equals(inherited(dictionary, PdfName.FT));
  }

  /** A field's attribute, from the field or its ancestors (ISO 32000-1 12.7.3.1). */
  private static PdfObject inherited(PdfDictionary field, PdfName key) {
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
  private static String fieldName(PdfDictionary field) {
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

  private static String subtype(PdfDictionary annotation) {
    PdfName subtype = annotation.getAsName(PdfName.Subtype);
    return subtype == null ? "untyped" : subtype.getValue();
  }

  private static String shown(PdfObject value) {
    if (value == null || value.isNull()) {
      return "nothing";
    }
    String text = value.isString() ? ((PdfString) value).toUnicodeString() : value.toString();
    return "'" + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + "'";
  }

  private static String object(PdfObject o) {
    int number = number(o);
    return number < 0 ? "" : " (object " + number + ")";
  }

  private static int number(PdfObject o) {
    PdfIndirectReference reference = o.isIndirectReference() ? (PdfIndirectReference) o
        : o.getIndirectReference();
    return reference == null ? -1 : reference.getObjNumber();
  }

  /** Identity for fields: the object number, or the dictionary itself when it is direct. */
  private static long key(PdfDictionary field) {
    int number = number(field);
    return number >= 0 ? number : ((long) System.identityHashCode(field) << 32);
  }

  private static PdfDictionary dictionary(PdfObject o) {
    PdfObject direct = o.isIndirectReference() ? ((PdfIndirectReference) o).getRefersTo() : o;
    return direct instanceof PdfDictionary d ? d : null;
  }
}
