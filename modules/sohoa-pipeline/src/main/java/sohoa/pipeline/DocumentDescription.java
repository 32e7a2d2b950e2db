package sohoa.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import sohoa.catalog.DocumentRecord;
import sohoa.catalog.FieldRecord;

/**
 * A catalogued document as other systems read it in JSON: the API's {@code GET
 * /api/v1/documents/{id}} and the catalog rows of a transfer package say the same thing the same
 * way.
 */
public final class DocumentDescription {
  private DocumentDescription() {}

  /** Its identity, type, fields by name (value, confidence, page) and artifacts with hashes. */
  public static Map<String, Object> of(DocumentRecord d) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", d.id().value());
    body.put("sourceName", d.sourceName());
    body.put("mediaType", d.mediaType());
    body.put("kind", d.kind());
    body.put("pages", d.pageCount());
    body.put("meanConfidence", d.meanConfidence());
    body.put("createdAt", d.createdAt().toString());
    body.put("originalSha256", d.original().hex());
    Map<String, Object> fields = new LinkedHashMap<>();
    for (FieldRecord f : d.fields()) {
      fields.put(f.name(), Map.of("value", f.value(), "confidence", f.confidence(),
          "page", f.page()));
    }
    body.put("fields", fields);
    body.put("artifacts", d.artifacts().stream().map(a -> Map.of("kind", a.kind(),
        "key", a.objectKey(), "sha256", a.sha256().hex(), "size", a.size())).toList());
    return body;
  }
}
