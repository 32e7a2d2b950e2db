package sohoa.sign.pki;

import java.nio.file.Path;

/**
 * Where a development PKI keeps its files, under one folder.
 *
 * <pre>
 * root-ca.pem, issuing-ca.pem        the CA certificates (trust root-ca.pem to verify)
 * root-ca.crl, issuing-ca.crl        their CRLs
 * officer.p12                        Nguyễn Thị Hoa, RSA 2048: an officer's personal signature
 * agency.p12                         the agency's seal, ECDSA P-256
 * tsa.p12, ocsp.p12                  the timestamp authority and the OCSP responder
 * revoked-officer.p12                revoked on the issuing CA's CRL and by OCSP
 * expired-officer.p12                valid for a year that has passed
 * ca-keys.p12                        the CAs' own keys, to sign CRLs
 * password                           the keystores' password (readable by the owner only)
 * port                               the loopback port the certificates point their OCSP and CRL
 *                                    addresses at ({@code sohoa pki serve} listens there)
 * </pre>
 */
public record PkiLayout(Path dir) {
  public Path rootCertificate() {
    return dir.resolve("root-ca.pem");
  }

  public Path issuingCertificate() {
    return dir.resolve("issuing-ca.pem");
  }

  public Path rootCrl() {
    return dir.resolve("root-ca.crl");
  }

  public Path issuingCrl() {
    return dir.resolve("issuing-ca.crl");
  }

  /** The keystore of one of the PKI's identities: officer, agency, tsa, ocsp, … */
  public Path keystore(String identity) {
    return dir.resolve(identity + ".p12");
  }

  /** The certificate alone of one of the PKI's identities, as PEM: to bind an account to it. */
  public Path certificate(String identity) {
    return dir.resolve(identity + ".pem");
  }

  public Path caKeys() {
    return dir.resolve("ca-keys.p12");
  }

  public Path passwordFile() {
    return dir.resolve("password");
  }

  public Path portFile() {
    return dir.resolve("port");
  }
}
