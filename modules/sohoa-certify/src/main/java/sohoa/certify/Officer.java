package sohoa.certify;

/**
 * The certifying officer (người thực hiện chứng thực) as the lời chứng names them.
 *
 * @param name full name with its marks, e.g. {@code Lê Văn Tâm}
 * @param title the officer's title, e.g. {@code Phó Chủ tịch}
 */
public record Officer(String name, String title) {
  public Officer {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("the certifying officer's name is required");
    }
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("the certifying officer's title is required (chức danh)");
    }
    name = name.strip();
    title = title.strip();
  }
}
