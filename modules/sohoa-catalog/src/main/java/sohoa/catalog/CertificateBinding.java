package sohoa.catalog;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Objects;
import sohoa.core.document.ContentHash;

/**
 * The signing certificate an officer account is bound to: the lời chứng of a copy the officer
 * issues prints the account's name, so only this certificate's key may sign it.
 *
 * @param subject the certificate's subject, as RFC 2253 writes it
 * @param sha256 the SHA-256 of its DER encoding, 64 lower-case hex digits
 */
public record CertificateBinding(String subject, String sha256) {
  public CertificateBinding {
    Objects.requireNonNull(subject, "subject");
    if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("a certificate fingerprint is 64 hex digits");
    }
  }

  /** The binding to {@code certificate}. */
  public static CertificateBinding of(X509Certificate certificate) {
    return new CertificateBinding(certificate.getSubjectX500Principal().getName(),
        fingerprint(certificate));
  }

  /** Whether {@code certificate} is the one bound. */
  public boolean matches(X509Certificate certificate) {
    return sha256.equals(fingerprint(certificate));
  }

  private static String fingerprint(X509Certificate certificate) {
    try {
      return ContentHash.of(certificate.getEncoded()).hex();
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("the certificate of "
          + certificate.getSubjectX500Principal() + " cannot be encoded", e);
    }
  }
}
