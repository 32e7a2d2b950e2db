package sohoa.sign.pades;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The PAdES baseline levels, each including the one before. */
public enum SignatureLevel {
  /** The signature and the signer's certificate. */
  B_B("B-B"),
  /** Plus a timestamp on the signature: proof it existed at that time. */
  B_T("B-T"),
  /** Plus the chain's OCSP responses and CRLs, so it can be validated without the network. */
  B_LT("B-LT"),
  /** Plus a document timestamp over all of it, renewable before its algorithms weaken. */
  B_LTA("B-LTA");

  private final String label;

  SignatureLevel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean timestamped() {
    return this != B_B;
  }

  /** The level written as ETSI writes it: {@code B-B}, {@code B-T}, {@code B-LT}, {@code B-LTA}. */
  public static SignatureLevel of(String label) {
    return Arrays.stream(values()).filter(l -> l.label.equalsIgnoreCase(label)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no PAdES level '" + label + "': use one of "
            + Arrays.stream(values()).map(SignatureLevel::label).collect(Collectors.joining(", "))));
  }
}
