package sohoa.sign.pades;

import java.util.Objects;
import java.util.Optional;

/**
 * What one signature says besides who made it.
 *
 * @param fieldName the signature field to create; a new unique name when empty
 * @param reason why it was signed (lý do), e.g. {@code Phê duyệt}
 * @param location where (địa điểm), e.g. {@code Thanh Hóa}
 * @param visible the box it shows in; invisible when empty
 * @param certify make it a certification signature (DocMDP): no changes allowed after it but
 *     validation data and document timestamps; for the last signature of a document
 */
public record SignatureRequest(SignatureLevel level, Optional<String> fieldName,
    Optional<String> reason, Optional<String> location, Optional<VisibleSignature> visible,
    boolean certify) {
  public SignatureRequest {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(fieldName, "fieldName");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(visible, "visible");
  }

  public static SignatureRequest at(SignatureLevel level) {
    return new SignatureRequest(level, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), false);
  }

  public SignatureRequest withReason(String text) {
    return new SignatureRequest(level, fieldName, Optional.of(text), location, visible, certify);
  }

  public SignatureRequest withLocation(String text) {
    return new SignatureRequest(level, fieldName, reason, Optional.of(text), visible, certify);
  }

  public SignatureRequest shownIn(VisibleSignature box) {
    return new SignatureRequest(level, fieldName, reason, location, Optional.of(box), certify);
  }

  public SignatureRequest certifying() {
    return new SignatureRequest(level, fieldName, reason, location, visible, true);
  }
}
