package sohoa.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import sohoa.catalog.FieldRecord;
import sohoa.extract.fields.DocumentFields;
import sohoa.extract.fields.Field;
import sohoa.extract.fields.FieldName;
import sohoa.pdf.pdfa.ArchiveDescription;

/** A document's fields as the manifest, the catalog and the PDF/A's XMP each record them. */
final class FieldDescriptions {
  private FieldDescriptions() {}

  static Manifest.Fields manifest(DocumentFields fields) {
    return new Manifest.Fields(fields.kind().key(), fields.fields().stream()
        .map(f -> new Manifest.FieldEntry(f.name().key(), f.value(),
            Math.round(f.confidence() * 1000) / 1000.0, f.unsure(), f.page(),
            f.box().map(b -> new int[] {b.left(), b.top(), b.right(), b.bottom()}).orElse(null)))
        .toList());
  }

  static List<FieldRecord> catalog(DocumentFields fields) {
    return fields.fields().stream()
        .map(f -> new FieldRecord(f.name().key(), f.value(), f.confidence(), f.page(), f.box()))
        .toList();
  }

  /**
   * Dublin Core where a term fits — title (type, number and summary), date, creator (the agency),
   * type — and every field under sohoa's namespace.
   */
  static ArchiveDescription archive(DocumentFields fields) {
    String title = Stream.of(
            fields.value(FieldName.TYPE).orElse(null),
            fields.value(FieldName.NUMBER).orElse(null),
            fields.value(FieldName.SUMMARY).map(s -> "— " + s).orElse(null),
            fields.value(FieldName.FULL_NAME).orElse(null))
        .filter(s -> s != null).collect(Collectors.joining(" "));
    Map<String, String> all = new LinkedHashMap<>();
    all.put("kind", fields.kind().key());
    for (Field f : fields.fields()) {
      all.put(f.name().key(), f.value());
    }
    return new ArchiveDescription(title.isEmpty() ? Optional.empty() : Optional.of(title),
        fields.value(FieldName.DATE), fields.value(FieldName.AGENCY),
        fields.value(FieldName.TYPE), all);
  }
}
