package sohoa.sign.verify;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What verifying one signature found.
 *
 * @param field the signature field's name
 * @param documentTimestamp a document timestamp (RFC 3161), not a person's or agency's signature
 * @param signer the signer's name (CN), or the TSA's for a document timestamp
 * @param signingTime when it was signed: the timestamp's time when there is one, else the claimed
 * @param level the PAdES baseline level reached (B-B, B-T, B-LT, B-LTA); empty for a document
 *     timestamp
 * @param intact the signed bytes hash to the signed digest and the signature verifies with the
 *     certificate's key
 * @param byteRangeWhole the byte range starts at 0 and leaves out exactly the signature's value
 * @param chain how the certificate chains to a trust anchor at the signing time: empty if it does
 * @param revocation {@code good}, {@code revoked ...} or {@code unknown ...}, with its source
 * @param timestamp the signature timestamp's check, when there is one: empty if valid
 * @param changes what changed after it was signed; allowed ones say so
 * @param problems everything that makes the verdict less than VALID, one sentence each
 */
public record SignatureReport(String field, boolean documentTimestamp, String signer,
    Optional<Instant> signingTime, Optional<String> level, boolean intact, boolean byteRangeWhole,
    Optional<String> chain, String revocation, Optional<String> timestamp, List<String> changes,
    List<String> problems, Verdict verdict) {
  public SignatureReport {
    changes = List.copyOf(changes);
    problems = List.copyOf(problems);
  }
}
