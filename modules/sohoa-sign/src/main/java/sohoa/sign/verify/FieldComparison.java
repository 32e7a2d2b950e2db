package sohoa.sign.verify;

import static sohoa.sign.verify.PdfObjects.fieldName;
import static sohoa.sign.verify.PdfObjects.fieldsIn;
import static sohoa.sign.verify.PdfObjects.inherited;
import static sohoa.sign.verify.PdfObjects.isSignature;
import static sohoa.sign.verify.PdfObjects.isTimestamp;
import static sohoa.sign.verify.PdfObjects.key;
import static sohoa.sign.verify.PdfObjects.object;
import static sohoa.sign.verify.PdfObjects.shown;

import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfObject;
import com.itextpdf.kernel.pdf.PdfString;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The interactive form of a signed revision against the document now, field by field, whether
 * met in the form's tree or as a page's widget: a signature field may be added (a later signature
 * or document timestamp) or signed if it was empty, any other field filled in if it was empty and
 * the permissions allow it; a value the signer saw may not change, nor an appearance without its
 * value (the form-field shadow attacks). Where an allowed change draws on a page is noted.
 */
final class FieldComparison {
  private static final Set<PdfName> SIGNING_KEYS = Set.of(PdfName.V, PdfName.AP, PdfName.MK,
      PdfName.DA);
  private static final Set<PdfName> FILLING_KEYS = Set.of(PdfName.V, PdfName.AP, PdfName.AS);

  private final ObjectComparison objects;
  private final Permissions permissions;
  private final List<Change> changes;
  private final Map<Integer, List<Rectangle>> drawnSince;
  /** Each field is judged once, whether met as a widget on a page or in the form's tree. */
  private final Set<Long> fieldsSeen = new HashSet<>();

  /**
   * Adds what it finds to {@code changes}, and where allowed changes draw to {@code drawnSince}.
   */
  FieldComparison(ObjectComparison objects, Permissions permissions, List<Change> changes,
      Map<Integer, List<Rectangle>> drawnSince) {
    this.objects = objects;
    this.permissions = permissions;
    this.changes = changes;
    this.drawnSince = drawnSince;
  }

  /** A new signature field: allowed (a later signature or document timestamp) unless P=1. */
  void signatureFieldAdded(OptionalInt page, PdfDictionary field) {
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
  void field(OptionalInt page, PdfDictionary was, PdfDictionary is) {
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

  /** The interactive form: signature fields may be added, the rest compared as fields. */
  void form(PdfDictionary before, PdfDictionary after) {
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
    fields(fieldsIn(was.getAsArray(PdfName.Fields)), fieldsIn(is.getAsArray(PdfName.Fields)));
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
        changes.addAll(Change.refusedEach(ChangeClass.FORM_FIELD, OptionalInt.empty(),
            objects.differences(x.get(name, false), y == null ? null : y.get(name, false),
                "the form's /DR/" + type.getValue() + "/" + name.getValue())));
      }
    }
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
        fields(fieldsIn(was.getAsArray(PdfName.Kids)), fieldsIn(field.getAsArray(PdfName.Kids)));
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

  void drawn(OptionalInt page, PdfDictionary annotation) {
    PdfArray rect = annotation.getAsArray(PdfName.Rect);
    if (rect != null && rect.size() == 4) {
      Rectangle box = rect.toRectangle();
      if (box.getWidth() > 0 && box.getHeight() > 0) {
        drawnSince.computeIfAbsent(page.getAsInt(), p -> new ArrayList<>()).add(box);
      }
    }
  }
}
