package sohoa.extract.fields;

import java.util.List;
import java.util.Optional;

/** Everything read off one document: its kind and its fields, at most one of each name. */
public record DocumentFields(DocumentKind kind, List<Field> fields) {
  public static final DocumentFields NONE = new DocumentFields(DocumentKind.OTHER, List.of());

  public DocumentFields {
    fields = List.copyOf(fields);
    if (fields.stream().map(Field::name).distinct().count() != fields.size()) {
      throw new IllegalArgumentException("a field name appears twice: " + fields);
    }
  }

  public Optional<Field> get(FieldName name) {
    return fields.stream().filter(f -> f.name() == name).findFirst();
  }

  public Optional<String> value(FieldName name) {
    return get(name).map(Field::value);
  }
}
