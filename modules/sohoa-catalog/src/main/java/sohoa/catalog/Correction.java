package sohoa.catalog;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import sohoa.core.document.DocumentId;

/**
 * A clerk's correction of what OCR read: a new version of one field, or of one page's text. What
 * stood before stays beside it; nothing the pipeline stored is changed.
 *
 * @param field the field corrected; empty when a page's text was
 * @param page the page whose text was corrected; 0 when a field was
 * @param objectKey where the correction's record is kept in the store
 */
public record Correction(DocumentId document, int version, Optional<String> field, int page,
    String before, String after, String officer, Instant at, String objectKey) {
  public Correction {
    Objects.requireNonNull(document, "document");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(officer, "officer");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(objectKey, "objectKey");
    if (version < 1) {
      throw new IllegalArgumentException("versions count from 1, not " + version);
    }
    if (field.isPresent() == (page > 0)) {
      throw new IllegalArgumentException("a correction is of one field or one page's text");
    }
    field.ifPresent(name -> {
      if (!name.matches("[a-z][a-z_]*")) {
        throw new IllegalArgumentException("not a field name: " + name);
      }
    });
  }

  /** What it corrects, as the audit log and the history name it: {@code field:number}. */
  public String target() {
    return field.map(f -> "field:" + f).orElse("page:" + page);
  }
}
