package sohoa.sign.verify;

import java.util.List;
import java.util.Optional;

/**
 * What verifying a PDF found: a report per signature, in signing order, and the overall verdict
 * (the worst of them; INVALID when the file cannot be read or holds no signature).
 *
 * @param problem why the file itself could not be verified, when it could not
 */
public record VerificationReport(String file, List<SignatureReport> signatures,
    Optional<String> problem, Verdict verdict) {
  public VerificationReport {
    signatures = List.copyOf(signatures);
  }
}
