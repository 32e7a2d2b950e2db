package sohoa.sign.pades;

import java.util.Objects;
import java.util.Optional;

/**
 * What one signature says besides who made it.
 *
 * @param fieldName the signature field to create; a new unique name when empty
 * @param reason why it was signed (lý do), e.g. {@code Phê duyệt}
 * @param location where (địa điểm), e.g. {@code Thanh Hóa}
 */
public record SignatureRequest(SignatureLevel level, Optional<String> fieldName,
    Optional<String> reason, Optional<String> location) {
  public SignatureRequest {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(fieldName, "fieldName");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(location, "location");
  }

  public static SignatureRequest at(SignatureLevel level) {
    return new SignatureRequest(level, Optional.empty(), Optional.empty(), Optional.empty());
  }

  public SignatureRequest withReason(String text) {
    return new SignatureRequest(level, fieldName, Optional.of(text), location);
  }

  public SignatureRequest withLocation(String text) {
    return new SignatureRequest(level, fieldName, reason, Optional.of(text));
  }
}
