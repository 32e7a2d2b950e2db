package sohoa.sign.verify;

/**
 * A certificate's revocation status at signing time, where it was learnt, and how the report
 * says it.
 *
 * @param embedded learnt from revocation data the document carries (what makes B-LT)
 * @param text e.g. {@code good (OCSP, embedded)}, {@code revoked 2026-… (CRL, embedded)}
 */
record RevocationStatus(State state, boolean embedded, String text) {
  enum State { GOOD, REVOKED, UNKNOWN, NOT_CHECKED }

  static RevocationStatus unknown(String why) {
    return new RevocationStatus(State.UNKNOWN, false, "unknown: " + why);
  }
}
