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
  /** How OCSP responders are asked; empty when verifying offline. */
  private final Optional<HttpClient> http;
  private final DigestCalculatorProvider digests;

  Revocation(List<BasicOCSPResp> ocsps, List<X509CRL> crls, boolean online) {
    this.ocsps = List.copyOf(ocsps);
    this.crls = List.copyOf(crls);
    this.http = online
        ? Optional.of(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build())
        : Optional.empty();
    try {
      this.digests = new JcaDigestCalculatorProviderBuilder().build();
    } catch (OperatorCreationException e) {
      throw new IllegalStateException("this JDK computes no digests", e);
    }
  }

  /** The status at {@code at}: good, revoked before it, or unknown, with its source. */
  RevocationStatus status(X509Certificate certificate, X509Certificate issuer, Instant at) {
    try {
      X509CertificateHolder issuerHolder = new JcaX509CertificateHolder(issuer);
      for (BasicOCSPResp response : ocsps) {
        Optional<RevocationStatus> found = fromOcsp(response, certificate.getSerialNumber(),
            issuerHolder, at, "OCSP, embedded", true);
        if (found.isPresent()) {
          return found.get();
        }
      }
      for (X509CRL crl : crls) {
        if (crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
          crl.verify(issuer.getPublicKey());
          X509CRLEntry entry = crl.getRevokedCertificate(certificate);
          return entry == null ? good("CRL, embedded", true)
              : revoked(entry.getRevocationDate().toInstant(), at, "CRL, embedded", true);
        }
      }
      Optional<URI> responder = http.isPresent() ? ocspAddress(certificate) : Optional.empty();
      if (responder.isPresent()) {
        return askOnline(http.get(), responder.get(), certificate.getSerialNumber(), issuerHolder,
            at);
      }
      return RevocationStatus.unknown("no OCSP response or CRL for it in the document"
          + (http.isPresent() ? " and no OCSP responder named in it" : " (checked offline)"));
    } catch (GeneralSecurityException | IOException | OCSPException
        | OperatorCreationException e) {
      return RevocationStatus.unknown(e.getMessage());
    }
  }

  private Optional<RevocationStatus> fromOcsp(BasicOCSPResp response, BigInteger serial,
      X509CertificateHolder issuer, Instant at, String source, boolean embedded)
      throws OCSPException {
    for (SingleResp single : response.getResponses()) {
      CertificateID id = single.getCertID();
      if (id.getSerialNumber().equals(serial) && id.matchesIssuer(issuer, digests)) {
        if (single.getCertStatus() instanceof RevokedStatus revoked) {
          return Optional.of(revoked(revoked.getRevocationTime().toInstant(), at, source,
              embedded));
        }
        return Optional.of(single.getCertStatus() == null ? good(source, embedded)
            : RevocationStatus.unknown("the responder does not know it (" + source + ")"));
      }
    }
    return Optional.empty();
  }

  private static RevocationStatus good(String source, boolean embedded) {
    return new RevocationStatus(RevocationStatus.State.GOOD, embedded, "good (" + source + ")");
  }

  /** Revoked after the signature was made is good for it, and said so. */
  private static RevocationStatus revoked(Instant when, Instant at, String source,
      boolean embedded) {
    return when.isAfter(at)
        ? new RevocationStatus(RevocationStatus.State.GOOD, embedded,
            "good at signing time, revoked " + when + " (" + source + ")")
        : new RevocationStatus(RevocationStatus.State.REVOKED, embedded,
            "revoked " + when + " (" + source + ")");
  }

  private RevocationStatus askOnline(HttpClient http, URI responder, BigInteger serial,
      X509CertificateHolder issuer, Instant at)
      throws IOException, OCSPException, OperatorCreationException {
    byte[] request = new OCSPReqBuilder().addRequest(new CertificateID(
        digests.get(CertificateID.HASH_SHA1), issuer, serial)).build().getEncoded();
    try {
      HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(responder)
          .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/ocsp-request")
          .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build(),
          HttpResponse.BodyHandlers.ofByteArray());
      OCSPResp response = new OCSPResp(answer.body());
      if (response.getStatus() != OCSPResp.SUCCESSFUL) {
        return RevocationStatus.unknown("the OCSP responder " + responder + " answered status "
            + response.getStatus());
      }
      return fromOcsp((BasicOCSPResp) response.getResponseObject(), serial, issuer, at,
          "OCSP, online at " + responder, false)
          .orElse(RevocationStatus.unknown(responder + " did not answer for it"));
    } catch (IOException e) {
      return RevocationStatus.unknown("the OCSP responder " + responder + " did not answer: "
          + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return RevocationStatus.unknown("interrupted while asking " + responder);
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
