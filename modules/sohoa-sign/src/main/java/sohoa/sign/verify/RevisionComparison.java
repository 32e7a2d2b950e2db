package sohoa.sign.verify;

import static sohoa.sign.verify.PdfObjects.annotationsOf;
import static sohoa.sign.verify.PdfObjects.dictionary;
import static sohoa.sign.verify.PdfObjects.fieldName;
import static sohoa.sign.verify.PdfObjects.isField;
import static sohoa.sign.verify.PdfObjects.isSignature;
import static sohoa.sign.verify.PdfObjects.number;
import static sohoa.sign.verify.PdfObjects.object;
import static sohoa.sign.verify.PdfObjects.subtype;

import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfObject;
import com.itextpdf.kernel.pdf.PdfPage;
import com.itextpdf.kernel.pdf.PdfStream;
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
  /** The XMP elements that say what the document is. */
  private static final List<String> DESCRIBING = List.of("dc:title", "dc:creator",
      "dc:description", "dc:subject", "pdf:Keywords");

  private final PdfDocument signed;
  private final PdfDocument now;
  private final Permissions permissions;
  private final ObjectComparison objects = new ObjectComparison(2_000_000);
  private final List<Change> changes = new ArrayList<>();
  private final Map<Integer, List<Rectangle>> drawnSince = new HashMap<>();
  private final FieldComparison fields;

  private RevisionComparison(PdfDocument signed, PdfDocument now, Permissions permissions) {
    this.signed = signed;
    this.now = now;
    this.permissions = permissions;
    this.fields = new FieldComparison(objects, permissions, changes, drawnSince);
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
        fields.form(before.getAsDictionary(key), after.getAsDictionary(key));
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
    changes.addAll(Change.refusedEach(kind, page, objects.differences(x, y, path)));
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
    annotations(number, annotationsOf(x), annotationsOf(y));
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
          fields.field(page, was, dictionary);
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
      fields.signatureFieldAdded(page, annotation);
    } else if (isField(annotation)) {
      changes.add(Change.refused(ChangeClass.FORM_FIELD, page, "form field '"
          + fieldName(annotation) + "' was added on page " + number));
    } else {
      changes.add(new Change(ChangeClass.ANNOTATION, page, "a " + subtype(annotation)
          + " annotation was added on page " + number + object(annotation),
          permissions.annotationsAllowed()));
      fields.drawn(page, annotation);
    }
  }

  private void annotation(OptionalInt page, PdfDictionary was, PdfDictionary is) {
    List<String> differences = objects.differences(was, is, "");
    if (!differences.isEmpty()) {
      changes.add(new Change(ChangeClass.ANNOTATION, page, "the " + subtype(is) + " annotation"
          + object(is) + " on page " + page.getAsInt() + " changed: " + String.join("; ",
              differences), permissions.annotationsAllowed()));
      fields.drawn(page, is);
    }
  }

}
