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
 * @param certification whether it certifies the document (DocMDP), and what it then allows after
 *     it besides validation data and document timestamps
 */
public record SignatureRequest(SignatureLevel level, Optional<String> fieldName,
    Optional<String> reason, Optional<String> location, Optional<VisibleSignature> visible,
    Certification certification) {
  public SignatureRequest {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(fieldName, "fieldName");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(visible, "visible");
    Objects.requireNonNull(certification, "certification");
  }

  public static SignatureRequest at(SignatureLevel level) {
    return new SignatureRequest(level, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Certification.NONE);
  }

  public SignatureRequest withReason(String text) {
    return new SignatureRequest(level, fieldName, Optional.of(text), location, visible, certification);
  }

  public SignatureRequest withLocation(String text) {
    return new SignatureRequest(level, fieldName, reason, Optional.of(text), visible, certification);
  }

  public SignatureRequest shownIn(VisibleSignature box) {
    return new SignatureRequest(level, fieldName, reason, location, Optional.of(box), certification);
  }

  /** A certification signature allowing no change after it: for a document's last signature. */
  public SignatureRequest certifying() {
    return certifying(Certification.NO_CHANGES);
  }

  public SignatureRequest certifying(Certification allowing) {
    return new SignatureRequest(level, fieldName, reason, location, visible, allowing);
  }

  /** The same request for the field named {@code name}. */
  public SignatureRequest inField(String name) {
    return new SignatureRequest(level, Optional.of(name), reason, location, visible,
        certification);
  }
}
