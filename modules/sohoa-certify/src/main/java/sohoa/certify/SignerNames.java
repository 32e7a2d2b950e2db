package sohoa.certify;

import java.util.List;
import java.util.Optional;
import sohoa.sign.identity.CertificateNames;
import sohoa.sign.verify.SignatureReport;
import sohoa.sign.verify.VerificationReport;

/**
 * Who a certified copy's lời chứng names, beside whom the certificates that signed it were issued
 * to: the officer's (the first signature) and the agency's (the second). A copy whose names and
 * certificates differ is not a valid copy, however sound its signatures.
 *
 * @param officerCertificate the common name of the first signature's certificate, if signed
 * @param agencyCertificate the common name of the second signature's certificate, if signed
 */
public record SignerNames(String printedOfficer, Optional<String> officerCertificate,
    String printedAgency, Optional<String> agencyCertificate) {
  public static SignerNames of(String officer, String agency, VerificationReport report) {
    List<SignatureReport> signatures = report.signatures().stream()
        .filter(s -> !s.documentTimestamp()).toList();
    return new SignerNames(officer, signer(signatures, 0), agency, signer(signatures, 1));
  }

  private static Optional<String> signer(List<SignatureReport> signatures, int index) {
    return signatures.size() > index ? Optional.of(signatures.get(index).signer())
        : Optional.empty();
  }

  public boolean officerMatches() {
    return officerCertificate.filter(c -> CertificateNames.sameName(c, printedOfficer))
        .isPresent();
  }

  public boolean agencyMatches() {
    return agencyCertificate.filter(c -> CertificateNames.sameName(c, printedAgency))
        .isPresent();
  }

  public boolean match() {
    return officerMatches() && agencyMatches();
  }
}
