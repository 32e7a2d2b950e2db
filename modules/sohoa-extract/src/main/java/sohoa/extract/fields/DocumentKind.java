package sohoa.extract.fields;

/** What kind of record a document is, as far as its fields tell. */
public enum DocumentKind {
  /** Văn bản hành chính laid out as Decree 30/2020/NĐ-CP prescribes. */
  ADMINISTRATIVE,
  /** Giấy khai sinh. */
  BIRTH_CERTIFICATE,
  /** Trích lục khai tử. */
  DEATH_CERTIFICATE,
  /** None of the above could be recognised. */
  OTHER;

  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The kind as an officer names it, in Vietnamese. */
  public String label() {
    return switch (this) {
      case ADMINISTRATIVE -> "Văn bản hành chính";
      case BIRTH_CERTIFICATE -> "Giấy khai sinh";
      case DEATH_CERTIFICATE -> "Trích lục khai tử";
      case OTHER -> "Khác";
    };
  }

  /** The label of the kind with this key; "Khác" for a key sohoa does not know. */
  public static String labelOf(String key) {
    for (DocumentKind kind : values()) {
      if (kind.key().equals(key)) {
        return kind.label();
      }
    }
    return OTHER.label();
  }
}
