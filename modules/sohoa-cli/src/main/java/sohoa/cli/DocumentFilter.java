package sohoa.cli;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;
import sohoa.catalog.SearchQuery;

/** The field options that select documents, shared by {@code search} and {@code export}. */
final class DocumentFilter {
  @Option(names = "--agency", description = "issuing agency contains this") String agency;
  @Option(names = "--type", description = "document type, e.g. 'quyet dinh'") String type;
  @Option(names = "--number", description = "number and symbol contains this") String number;
  @Option(names = "--signer", description = "signer's name contains this") String signer;
  @Option(names = "--personal-id", description = "số định danh cá nhân") String personalId;
  @Option(names = "--from", description = "issued on or after (yyyy-MM-dd)") LocalDate from;
  @Option(names = "--to", description = "issued on or before (yyyy-MM-dd)") LocalDate to;

  /** Documents holding every word of {@code text} and matching every field option given. */
  SearchQuery query(String text, int page, int size) {
    Map<String, String> fields = new LinkedHashMap<>();
    put(fields, "agency", agency);
    put(fields, "type", type);
    put(fields, "number", number);
    put(fields, "signer", signer);
    put(fields, "personal_id", personalId);
    return new SearchQuery(text, fields, Optional.ofNullable(from), Optional.ofNullable(to), page,
        size);
  }

  /** Whether any option narrows the selection. */
  boolean narrows() {
    return query("", 1, 1).fields().size() > 0 || from != null || to != null;
  }

  private static void put(Map<String, String> fields, String name, String value) {
    if (value != null && !value.isBlank()) {
      fields.put(name, value);
    }
  }
}
