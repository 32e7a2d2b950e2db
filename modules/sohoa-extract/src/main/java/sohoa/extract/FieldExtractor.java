package sohoa.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import sohoa.core.text.PageText;
import sohoa.extract.admin.AdministrativeFields;
import sohoa.extract.civil.CivilRecordFields;
import sohoa.extract.fields.DocumentFields;
import sohoa.extract.fields.DocumentKind;
import sohoa.extract.fields.Field;
import sohoa.extract.layout.PageLayout;

/**
 * Reads a document's fields from its text (OCR'd or born-digital, with word boxes): a civil
 * record by its labels if its title says it is one, else an administrative document by the
 * Decree 30 layout. Stateless and thread-safe.
 */
public final class FieldExtractor {
  private final AdministrativeFields administrative = new AdministrativeFields();
  private final CivilRecordFields civil = new CivilRecordFields();

  /** The fields of the document whose pages, in order, are {@code pages}. */
  public DocumentFields extract(List<PageText> pages) {
    List<PageLayout> layouts = new ArrayList<>();
    for (int i = 0; i < pages.size(); i++) {
      layouts.add(PageLayout.of(i + 1, pages.get(i)));
    }
    Optional<DocumentKind> civilKind = civil.kind(layouts);
    if (civilKind.isPresent()) {
      return new DocumentFields(civilKind.get(), civil.read(layouts));
    }
    List<Field> fields = administrative.read(layouts);
    return fields.isEmpty() ? DocumentFields.NONE
        : new DocumentFields(DocumentKind.ADMINISTRATIVE, fields);
  }
}
