package sohoa.certify;

import java.util.Objects;
import sohoa.sign.pades.PadesSigner;
import sohoa.sign.pades.SignatureLevel;

/**
 * The two signatures on every copy: the officer's personal one first (ký số cá nhân), then the
 * agency's (ký số cơ quan), both at {@code level}.
 */
public record CopySigning(PadesSigner officer, PadesSigner agency, SignatureLevel level) {
  public CopySigning {
    Objects.requireNonNull(officer, "officer");
    Objects.requireNonNull(agency, "agency");
    Objects.requireNonNull(level, "level");
  }
}
