package sohoa.sign.verify;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * A certificate's revocation status at a time: from the OCSP responses and CRLs the document
 * carries first (that is what B-LT is for), then, if allowed, from its OCSP responder online.
 */
final class Revocation {
  private final List<BasicOCSPResp> ocsps;
  private final List<X509CRL> crls;
  private final boolean online;
  private final DigestCalculatorProvider digests;

  Revocation(List<BasicOCSPResp> ocsps, List<X509CRL> crls, boolean online) {
    this.ocsps = List.copyOf(ocsps);
    this.crls = List.copyOf(crls);
    this.online = online;
    try {
      this.digests = new JcaDigestCalculatorProviderBuilder().build();
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("this JDK computes no digests", e);
    }
  }

  /** The result, one phrase: {@code good (...)}, {@code revoked ...} or {@code unknown ...}. */
  String status(X509Certificate certificate, X509Certificate issuer, Instant at) {
    try {
      X509CertificateHolder issuerHolder = new JcaX509CertificateHolder(issuer);
      for (BasicOCSPResp response : ocsps) {
        Optional<String> found = fromOcsp(response, certificate.getSerialNumber(), issuerHolder,
            at, "OCSP, embedded");
        if (found.isPresent()) {
          return found.get();
        }
      }
      for (X509CRL crl : crls) {
        if (crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
          crl.verify(issuer.getPublicKey());
          X509CRLEntry entry = crl.getRevokedCertificate(certificate);
          return entry == null ? "good (CRL, embedded)" : revoked(entry.getRevocationDate()
              .toInstant(), at, "CRL, embedded");
        }
      }
      if (online) {
        Optional<URI> responder = ocspAddress(certificate);
        if (responder.isPresent()) {
          return askOnline(responder.get(), certificate.getSerialNumber(), issuerHolder, at);
        }
      }
      return "unknown: no OCSP response or CRL for it in the document"
          + (online ? " and no OCSP responder named in it" : " (checked offline)");
    } catch (GeneralSecurityException | IOException | OCSPException
        | OperatorCreationException e) {
      return "unknown: " + e.getMessage();
    }
  }

  private Optional<String> fromOcsp(BasicOCSPResp response, BigInteger serial,
      X509CertificateHolder issuer, Instant at, String source) throws OCSPException {
    for (SingleResp single : response.getResponses()) {
      CertificateID id = single.getCertID();
      if (id.getSerialNumber().equals(serial) && id.matchesIssuer(issuer, digests)) {
        if (single.getCertStatus() instanceof RevokedStatus revoked) {
          return Optional.of(revoked(revoked.getRevocationTime().toInstant(), at, source));
        }
        return Optional.of(single.getCertStatus() == null ? "good (" + source + ")"
            : "unknown: the responder does not know it (" + source + ")");
      }
    }
    return Optional.empty();
  }

  private static String revoked(Instant when, Instant at, String source) {
    return when.isAfter(at) ? "good at signing time, revoked " + when + " (" + source + ")"
        : "revoked " + when + " (" + source + ")";
  }

  private String askOnline(URI responder, BigInteger serial, X509CertificateHolder issuer,
      Instant at) throws IOException, OCSPException, OperatorCreationException {
    byte[] request = new OCSPReqBuilder().addRequest(new CertificateID(
        digests.get(CertificateID.HASH_SHA1), issuer, serial)).build().getEncoded();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    try {
      HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(responder)
          .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/ocsp-request")
          .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      OCSPResp response = new OCSPResp(answer.body());
      if (response.getStatus() != OCSPResp.SUCCESSFUL) {
        return "unknown: the OCSP responder " + responder + " answered status "
            + response.getStatus();
      }
      return fromOcsp((BasicOCSPResp) response.getResponseObject(), serial, issuer, at,
          "OCSP, online at " + responder).orElse("unknown: " + responder + " did not answer for it");
    } catch (IOException e) {
      return "unknown: the OCSP responder " + responder + " did not answer: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown: interrupted while asking " + responder;
    }
  }

  private static Optional<URI> ocspAddress(X509Certificate certificate) throws IOException {
    byte[] value = certificate.getExtensionValue(Extension.authorityInfoAccess.getId());
    if (value == null) {
      return Optional.empty();
    }
    AuthorityInformationAccess access = AuthorityInformationAccess.getInstance(
        ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(value).getOctets()));
    for (AccessDescription description : access.getAccessDescriptions()) {
      GeneralName location = description.getAccessLocation();
      if (description.getAccessMethod().equals(AccessDescription.id_ad_ocsp)
          && location.getTagNo() == GeneralName.uniformResourceIdentifier) {
        return Optional.of(URI.create(location.getName().toString()));
      }
    }
    return Optional.empty();
  }
}
