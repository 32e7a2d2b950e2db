package sohoa.sign;

import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.aia.DefaultAIASource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import java.nio.file.Path;
import java.security.cert.X509Certificate;

/**
 * The EU's reference validator (DSS 6.3) with its default policy, trusting one root and asking
 * the PKI's own OCSP responder and CRL: a second opinion in tests only.
 */
public final class ReferenceValidator {
  private ReferenceValidator() {}

  public static SimpleReport validate(Path file, X509Certificate root) {
    CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
    trusted.addCertificate(new CertificateToken(root));
    CommonCertificateVerifier verifier = new CommonCertificateVerifier();
    verifier.setTrustedCertSources(trusted);
    verifier.setOcspSource(new OnlineOCSPSource());
    verifier.setCrlSource(new OnlineCRLSource());
    verifier.setAIASource(new DefaultAIASource());
    SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(
        new FileDocument(file.toFile()));
    validator.setCertificateVerifier(verifier);
    return validator.validateDocument().getSimpleReport();
  }
}
