package sohoa.pdf.pdfa;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the archival copy says it is, once its text has been read: Dublin Core where a term fits
 * and every field under sohoa's own XMP namespace.
 *
 * @param title dc:title, e.g. {@code Quyết định 123/QĐ-UBND — Về việc …}
 * @param date dc:date, ISO
 * @param creator dc:creator, the issuing agency
 * @param type dc:type, the document type
 * @param fields every field by its key ({@code number}, {@code signer}, …), in the sohoa namespace
 */
public record ArchiveDescription(Optional<String> title, Optional<String> date,
    Optional<String> creator, Optional<String> type, Map<String, String> fields) {
  /** sohoa's XMP namespace for document fields. */
  public static final String NAMESPACE = "https://sohoa.vn/ns/fields/1.0/";
  public static final String PREFIX = "sohoa";

  public ArchiveDescription {
    for (String key : fields.keySet()) {
      if (!key.matches("[a-z][a-z_]*")) {
        throw new IllegalArgumentException("not an XMP property name: " + key);
      }
    }
    fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }
}
