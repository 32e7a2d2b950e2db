package sohoa.sign.pades;

import com.itextpdf.signatures.AccessPermissions;
import java.util.Optional;

/**
 * Whether a signature certifies the document (DocMDP, ISO 32000-1 12.8.2.2), and which changes
 * it then lets others make after it: always validation data and document timestamps, and per
 * level form filling and signing, then annotations.
 */
public enum Certification {
  /** An approval signature: it certifies nothing. */
  NONE(Optional.empty()),
  /** P=1: nothing may change after it. */
  NO_CHANGES(Optional.of(AccessPermissions.NO_CHANGES_PERMITTED)),
  /** P=2: empty form fields may be filled in and further signatures added. */
  FORM_FILLING(Optional.of(AccessPermissions.FORM_FIELDS_MODIFICATION)),
  /** P=3: as P=2, and annotations may be added, changed or removed. */
  FORM_FILLING_AND_ANNOTATIONS(Optional.of(AccessPermissions.ANNOTATION_MODIFICATION));

  private final Optional<AccessPermissions> permission;

  Certification(Optional<AccessPermissions> permission) {
    this.permission = permission;
  }

  Optional<AccessPermissions> permission() {
    return permission;
  }
}
