package sohoa.extract.fields;

import java.util.Arrays;
import java.util.Optional;
import sohoa.core.i18n.Messages;

/**
 * The fields sohoa reads off a document. Keys are the names used in {@code manifest.json}, the
 * catalog and the XMP (snake case, as in the ground truth of {@code ocr-dev}).
 */
public enum FieldName {
  /** Quốc hiệu và Tiêu ngữ present: {@code true} or {@code false}. */
  NATIONAL_TITLE,
  /** Tên cơ quan, tổ chức chủ quản trực tiếp. */
  PARENT_AGENCY,
  /** Tên cơ quan, tổ chức ban hành văn bản. */
  AGENCY,
  /** Số, ký hiệu as printed after {@code Số:}, e.g. {@code 123/QĐ-UBND}. */
  NUMBER,
  /** The number alone, e.g. {@code 123}. */
  NUMBER_VALUE,
  /** The year inside the number, for forms like {@code 45/2023/NĐ-CP}. */
  NUMBER_YEAR,
  /** Chữ viết tắt tên loại văn bản, e.g. {@code QĐ}. */
  TYPE_CODE,
  /** Chữ viết tắt tên cơ quan ban hành, e.g. {@code UBND}. */
  AGENCY_CODE,
  /** Đơn vị soạn thảo of a công văn, e.g. {@code VP} in {@code 12/UBND-VP}. */
  UNIT_CODE,
  /** Địa danh. */
  PLACE,
  /** Thời gian ban hành, ISO {@code yyyy-MM-dd}. */
  DATE,
  /** Tên loại văn bản, e.g. {@code Quyết định}. */
  TYPE,
  /** Trích yếu nội dung ({@code V/v …} for a công văn). */
  SUMMARY,
  /** Quyền hạn của người ký: the {@code KT. …}, {@code TM. …} line. */
  SIGNER_AUTHORITY,
  /** Chức vụ của người ký. */
  SIGNER_POSITION,
  /** Họ tên người ký. */
  SIGNER,
  /** Nơi nhận, one per line joined by {@code "; "}. */
  RECIPIENTS,
  /** Civil records: họ, chữ đệm, tên. */
  FULL_NAME,
  /** Civil records: ngày sinh, ISO. */
  BIRTH_DATE,
  /** Civil records: ngày chết, ISO. */
  DEATH_DATE,
  /** Civil records: giới tính, {@code Nam} or {@code Nữ}. */
  SEX,
  /** Số định danh cá nhân, 12 digits, structure checked. */
  PERSONAL_ID,
  /** Civil records: nơi sinh or nơi chết. */
  EVENT_PLACE,
  /** Civil records: số đăng ký. */
  REGISTRATION_NUMBER,
  /** Civil records: quyển số. */
  REGISTRATION_BOOK;

  /** The field's name in manifests, the catalog and XMP, e.g. {@code parent_agency}. */
  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The field's name as an officer reads it, in {@code words}' language. */
  public String label(Messages words) {
    return words.text("field." + key());
  }

  /**
   * A value of the field {@code key} as an officer reads it: dates (kept as ISO yyyy-mm-dd)
   * written dd/mm/yyyy, the Quốc hiệu's presence as yes or no in {@code words}' language ("Có",
   * "Không"); any other as it is.
   */
  public static String display(String key, String value, Messages words) {
    Optional<FieldName> field = find(key);
    if (field.isEmpty()) {
      return value;
    }
    return switch (field.get()) {
      case NATIONAL_TITLE -> words.text(Boolean.parseBoolean(value) ? "field.yes" : "field.no");
      case DATE, BIRTH_DATE, DEATH_DATE -> value.matches("\\d{4}-\\d{2}-\\d{2}")
          ? value.substring(8) + "/" + value.substring(5, 7) + "/" + value.substring(0, 4)
          : value;
      default -> value;
    };
  }

  /** The field with this key. */
  public static FieldName ofKey(String key) {
    return find(key).orElseThrow(() -> new IllegalArgumentException("no field is called '"
        + key + "'"));
  }

  /** The field with this key, if sohoa reads one so called. */
  public static Optional<FieldName> find(String key) {
    return Arrays.stream(values()).filter(name -> name.key().equals(key)).findFirst();
  }
}
