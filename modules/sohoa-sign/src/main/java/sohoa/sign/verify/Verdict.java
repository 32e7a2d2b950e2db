package sohoa.sign.verify;

/** The outcome of checking a signature, or a document, in ETSI's three words. */
public enum Verdict {
  /** Every check passed. */
  VALID,
  /** Nothing is wrong with the signature, but something needed to trust it is missing: an
   *  unknown root, revocation status that could not be learnt. */
  INDETERMINATE,
  /** Something is wrong: the bytes changed, the certificate was revoked or had expired, content
   *  changed after signing. */
  INVALID;

  /** The worse of two verdicts. */
  Verdict and(Verdict other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
