package sohoa.catalog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import sohoa.core.document.ContentHash;
import sohoa.core.document.DocumentId;
import sohoa.core.text.Box;
import sohoa.core.text.TextOrigin;

/** Catalogued documents for the catalog's tests: a two-page plan of a commune. */
final class TestDocuments {
  private TestDocuments() {}

  /** The document of {@code content}, recorded in {@code catalog}. */
  static DocumentRecord recorded(Catalog catalog, String content) throws Exception {
    DocumentRecord document = document(content);
    catalog.documents().record(document);
    return document;
  }

  static DocumentRecord document(String content) {
    ContentHash original = ContentHash.of(content.getBytes(StandardCharsets.UTF_8));
    DocumentId id = DocumentId.of(original);
    return new DocumentRecord(id, original, "quyết-định.tif", "image/tiff", 2, 91.5f,
        "QUYẾT ĐỊNH\fĐiều 2", ContentHash.of(new byte[] {1}), Instant.parse("2024-10-08T03:00:00Z"),
        List.of(new ArtifactRecord("pdfa", "documents/" + id + "/pdfa.pdf",
            ContentHash.of(new byte[] {2}), 1234)),
        List.of(new PageRecord(1, TextOrigin.OCR, 120, 93f, false),
            new PageRecord(2, TextOrigin.OCR, 80, 61f, true)),
        "administrative",
        List.of(new FieldRecord("agency", "UBND XÃ ĐỊNH HÒA", 0.75, 1,
                Optional.of(new Box(200, 180, 900, 230))),
            new FieldRecord("date", "2021-11-08", 0.5, 1, Optional.empty()),
            new FieldRecord("number", "914/KH-UBND", 1.0, 1, Optional.empty())),
        Optional.of(new FileRecord(Optional.of("Kế hoạch 914"), Optional.empty(),
            Optional.of("Máy quét văn thư"), Optional.of("Trình xuất PDF 2.1"),
            Optional.of(Instant.parse("2021-11-08T02:15:00Z")), Optional.empty(),
            OptionalInt.of(2), true, Optional.empty())));
  }
}
