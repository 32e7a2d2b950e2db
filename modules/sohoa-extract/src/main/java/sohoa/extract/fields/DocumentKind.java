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
}
