package sohoa.sign.verify;

import com.itextpdf.signatures.PdfPKCS7;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import sohoa.sign.identity.CertificateNames;

/**
 * Whether a signer's or a timestamp authority's certificate chains to a trust anchor and was
 * valid at the signing time: what is wrong with it, if anything, and how much that weighs.
 */
final class ChainTrust {
  private final List<X509Certificate> anchors;

  /** @param anchors the certificates trusted to end chains (root CAs) */
  ChainTrust(List<X509Certificate> anchors) {
    this.anchors = List.copyOf(anchors);
  }

  /**
   * Empty when {@code leaf} chains to an anchor and every certificate was valid at {@code at}; a
   * certificate outside its validity is INVALID, a chain that cannot be trusted INDETERMINATE.
   */
  Optional<Finding> chain(List<X509Certificate> certificates, X509Certificate leaf, Instant at) {
    if (anchors.isEmpty()) {
      return Optional.of(new Finding(Verdict.INDETERMINATE,
          "no trust anchor was given, so the chain cannot be trusted (--trust)"));
    }
    try {
      List<X509Certificate> path = new ArrayList<>();
      X509Certificate current = leaf;
      while (current != null && !anchors.contains(current) && path.size() < 10) {
        path.add(current);
        current = issuerOf(current, certificates).filter(i -> !i.equals(leaf)).orElse(null);
        if (current != null && current.getSubjectX500Principal()
            .equals(current.getIssuerX500Principal()) && !anchors.contains(current)) {
          return Optional.of(new Finding(Verdict.INDETERMINATE, "the chain ends at "
              + current.getSubjectX500Principal().getName() + ", which is not a trust anchor"));
        }
      }
      Set<TrustAnchor> trusted = new HashSet<>();
      anchors.forEach(a -> trusted.add(new TrustAnchor(a, null)));
      PKIXParameters parameters = new PKIXParameters(trusted);
      parameters.setRevocationEnabled(false);
      parameters.setDate(Date.from(at));
      CertPathValidator.getInstance("PKIX").validate(
          CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
      return Optional.empty();
    } catch (CertPathValidatorException e) {
      if (e.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
        return Optional.of(new Finding(Verdict.INVALID,
            "a certificate of the chain had expired at the signing time " + at));
      }
      if (e.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
        return Optional.of(new Finding(Verdict.INVALID,
            "a certificate of the chain was not yet valid at the signing time " + at));
      }
      return Optional.of(new Finding(Verdict.INDETERMINATE,
          "the chain does not lead to a trust anchor: " + e.getMessage()));
    } catch (GeneralSecurityException e) {
      return Optional.of(new Finding(Verdict.INDETERMINATE,
          "the chain cannot be checked: " + e.getMessage()));
    }
  }

  /** A timestamp over something else is INVALID; one from an untrusted authority INDETERMINATE. */
  Optional<Finding> timestamp(PdfPKCS7 data, Instant at) {
    try {
      if (!data.verifyTimestampImprint()) {
        return Optional.of(new Finding(Verdict.INVALID,
            "the signature timestamp does not cover this signature"));
      }
    } catch (GeneralSecurityException e) {
      return Optional.of(new Finding(Verdict.INVALID,
          "the signature timestamp does not cover this signature: " + e.getMessage()));
    }
    List<X509Certificate> tsa = certificates(data.getTimestampCertificates());
    if (tsa.isEmpty()) {
      return Optional.of(new Finding(Verdict.INDETERMINATE,
          "the signature timestamp carries no certificate to check its authority"));
    }
    return chain(tsa, tsa.get(0), at).map(p -> new Finding(Verdict.INDETERMINATE,
        "the timestamp authority " + CertificateNames.commonName(tsa.get(0))
            + " is not trusted: " + p.text()));
  }

  /** The certificate among {@code candidates} that signed {@code certificate}. */
  static Optional<X509Certificate> issuerOf(X509Certificate certificate,
      List<X509Certificate> candidates) {
    for (X509Certificate candidate : candidates) {
      if (candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
        try {
          certificate.verify(candidate.getPublicKey());
          return Optional.of(candidate);
        } catch (GeneralSecurityException e) {
          // Same name, other key: not this certificate's issuer; keep looking.
        }
      }
    }
    return Optional.empty();
  }

  static List<X509Certificate> certificates(Certificate[] certificates) {
    List<X509Certificate> list = new ArrayList<>();
    if (certificates != null) {
      for (Certificate c : certificates) {
        list.add((X509Certificate) c);
      }
    }
    return list;
  }
}
