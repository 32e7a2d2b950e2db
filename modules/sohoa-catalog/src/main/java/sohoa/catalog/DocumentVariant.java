package sohoa.catalog;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A form of a catalogued document that can be fetched: the original as received, the PDF/A, its
 * sealed copy, and the recognised text as plain text, ALTO or hOCR; with the artifact that holds
 * it, its media type and the name a download gets.
 */
public enum DocumentVariant {
  ORIGINAL("original", null, null),
  PDFA("pdfa", "application/pdf", ".pdf"),
  SIGNED("signed", "application/pdf", ".pdf"),
  TEXT("txt", "text/plain; charset=utf-8", ".txt"),
  ALTO("alto", "application/xml", ".alto.xml"),
  HOCR("hocr", "text/html; charset=utf-8", ".hocr.html");

  private final String artifactKind;
  private final String mediaType;
  private final String suffix;

  DocumentVariant(String artifactKind, String mediaType, String suffix) {
    this.artifactKind = artifactKind;
    this.mediaType = mediaType;
    this.suffix = suffix;
  }

  /** The variant named {@code name} in a request (original, pdfa, signed, text, alto, hocr). */
  public static Optional<DocumentVariant> named(String name) {
    return Arrays.stream(values()).filter(v -> v.label().equals(name)).findFirst();
  }

  /** Its name in requests and links. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind of the artifact that holds it. */
  public String artifactKind() {
    return artifactKind;
  }

  /** The artifact of {@code document} that holds it, if it was made. */
  public Optional<ArtifactRecord> of(StoredDocument document) {
    return document.artifacts().stream().filter(a -> a.kind().equals(artifactKind)).findFirst();
  }

  /** Its media type; the original's is the one it was received as. */
  public String mediaType(StoredDocument document) {
    return this == ORIGINAL ? document.mediaType() : mediaType;
  }

  /** Whether it holds the scan's recognised words as text a browser would interpret. */
  public boolean isText() {
    return this == TEXT || this == ALTO || this == HOCR;
  }

  /** The file name a download of it gets, after the original's. */
  public String fileName(String sourceName) {
    return this == ORIGINAL ? sourceName : sourceName.replaceFirst("\\.[^.]+$", "") + suffix;
  }

  /**
   * RFC 6266 {@code Content-Disposition} for a download named {@code name}: an ASCII fallback and
   * the UTF-8 name (Vietnamese file names keep their marks).
   */
  public static String attachment(String name) {
    String ascii = Normalizer.normalize(name, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "").replace('đ', 'd').replace('Đ', 'D')
        .replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "_");
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
