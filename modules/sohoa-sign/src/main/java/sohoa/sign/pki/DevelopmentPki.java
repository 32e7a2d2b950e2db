package sohoa.sign.pki;

import static sohoa.sign.pki.DevelopmentNames.name;
import static sohoa.sign.pki.DevelopmentNames.organisation;
import static sohoa.sign.pki.DevelopmentNames.person;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore.PrivateKeyEntry;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes a development PKI in a folder (see {@link PkiLayout}): a root CA, an issuing CA under it,
 * and under that an officer (RSA 2048, a Vietnamese name with its marks), an agency seal (ECDSA
 * P-256), a timestamp authority, an OCSP responder, one revoked and one expired officer. Every
 * certificate names {@code http://127.0.0.1:PORT/} for its OCSP responder, its issuer's
 * certificate and its CRL, which {@code sohoa pki serve} answers.
 */
public final class DevelopmentPki {
  private static final Duration DAY = Duration.ofDays(1);
  private static final Duration YEAR = Duration.ofDays(365);

  private final PkiLayout layout;
  private final int port;
  private final String base;
  private final Clock clock;
  private final DevelopmentKeys material = new DevelopmentKeys();
  private final PkiFiles files = new PkiFiles();
  private final JcaX509ExtensionUtils extensions;

  private DevelopmentPki(PkiLayout layout, int port, Clock clock) throws GeneralSecurityException {
    this.layout = layout;
    this.port = port;
    this.base = "http://127.0.0.1:" + port + "/";
    this.clock = clock;
    this.extensions = new JcaX509ExtensionUtils();
  }

  /**
   * Creates the PKI's files in {@code layout}'s folder, which must not hold one already.
   *
   * @param port the loopback port its service will listen on, named in every certificate
   */
  public static void create(PkiLayout layout, int port, Clock clock)
      throws IOException, GeneralSecurityException {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("a port is 1..65535, got " + port);
    }
    if (Files.exists(layout.rootCertificate())) {
      throw new IOException("a development PKI already exists in " + layout.dir()
          + "; remove the folder to make a new one");
    }
    Files.createDirectories(layout.dir());
    new DevelopmentPki(layout, port, clock).write();
  }

  private void write() throws IOException, GeneralSecurityException {
    char[] password = material.password();
    Instant now = clock.instant();
    KeyPair rootKeys = material.rsa();
    X509Certificate root = certificate(name("sohoa Development Root CA"), rootKeys,
        name("sohoa Development Root CA"), rootKeys.getPrivate(), null, now.minus(YEAR.multipliedBy(5)),
        now.plus(YEAR.multipliedBy(20)), Role.ROOT);
    KeyPair issuingKeys = material.rsa();
    X509Certificate issuing = certificate(name("sohoa Development Issuing CA"), issuingKeys,
        name("sohoa Development Root CA"), rootKeys.getPrivate(), root,
        now.minus(YEAR.multipliedBy(5)), now.plus(YEAR.multipliedBy(10)), Role.CA);
    X500Name issuer = name("sohoa Development Issuing CA");
    Instant from = now.minus(DAY);
    Instant until = now.plus(YEAR.multipliedBy(2));

    KeyPair officer = material.rsa();
    store("officer", officer, certificate(person("Nguyễn Thị Hoa", "Chuyên viên"), officer,
        issuer, issuingKeys.getPrivate(), issuing, from, until, Role.SIGNER), issuing, root,
        password);
    KeyPair agency = material.ec();
    store("agency", agency, certificate(organisation("Văn phòng Ủy ban nhân dân tỉnh Thanh Hóa"),
        agency, issuer, issuingKeys.getPrivate(), issuing, from, until, Role.SIGNER), issuing, root,
        password);
    KeyPair tsa = material.rsa();
    store("tsa", tsa, certificate(organisation("sohoa Development Timestamp Authority"), tsa,
        issuer, issuingKeys.getPrivate(), issuing, from, until, Role.TIMESTAMPS), issuing, root,
        password);
    KeyPair ocsp = material.rsa();
    store("ocsp", ocsp, certificate(organisation("sohoa Development OCSP Responder"), ocsp, issuer,
        issuingKeys.getPrivate(), issuing, from, until, Role.OCSP), issuing, root, password);
    KeyPair revokedKeys = material.rsa();
    X509Certificate revoked = certificate(person("Trần Văn Bình", "Chuyên viên"), revokedKeys,
        issuer, issuingKeys.getPrivate(), issuing, from, until, Role.SIGNER);
    store("revoked-officer", revokedKeys, revoked, issuing, root, password);
    KeyPair expired = material.rsa();
    store("expired-officer", expired, certificate(person("Lê Văn Cường", "Chuyên viên"), expired,
        issuer, issuingKeys.getPrivate(), issuing, now.minus(YEAR.multipliedBy(2)),
        now.minus(YEAR), Role.SIGNER), issuing, root, password);

    files.pem(layout.rootCertificate(), root);
    files.pem(layout.issuingCertificate(), issuing);
    Files.write(layout.rootCrl(), crl(root, rootKeys.getPrivate(), List.of(), now).getEncoded());
    Files.write(layout.issuingCrl(),
        crl(issuing, issuingKeys.getPrivate(), List.of(revoked.getSerialNumber()), now).getEncoded());
    Map<String, PrivateKeyEntry> caKeys = new LinkedHashMap<>();
    caKeys.put("root-ca", new PrivateKeyEntry(rootKeys.getPrivate(), new Certificate[] {root}));
    caKeys.put("issuing-ca", new PrivateKeyEntry(issuingKeys.getPrivate(),
        new Certificate[] {issuing, root}));
    files.save(layout.caKeys(), caKeys, password);
    Files.writeString(layout.portFile(), port + "\n");
    Files.writeString(layout.passwordFile(), new String(password) + "\n");
    Files.setPosixFilePermissions(layout.passwordFile(), PosixFilePermissions.fromString("rw-------"));
  }

  /**
   * A CRL of {@code ca}, listing the serial numbers {@code revoked} as key compromise, valid for a
   * week. The service makes them afresh when it starts, so that they are always current.
   */
  public static X509CRLHolder crl(X509Certificate ca, PrivateKey key, List<BigInteger> revoked,
      Instant now) throws GeneralSecurityException {
    X509v2CRLBuilder builder = new X509v2CRLBuilder(
        X500Name.getInstance(ca.getSubjectX500Principal().getEncoded()), Date.from(now));
    builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(7))));
    for (BigInteger serial : revoked) {
      builder.addCRLEntry(serial, Date.from(now.minus(Duration.ofHours(1))),
          CRLReason.keyCompromise);
    }
    try {
      builder.addExtension(Extension.authorityKeyIdentifier, false,
          new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca));
      builder.addExtension(Extension.cRLNumber, false,
          new CRLNumber(BigInteger.valueOf(now.getEpochSecond())));
      return builder.build(signer(key));
    } catch (IOException e) {
      throw new GeneralSecurityException("cannot build the CRL of " + ca.getSubjectX500Principal(), e);
    }
  }

  /** ROOT may issue one level of CA (the issuing CA), which may issue only end entities. */
  private enum Role { ROOT, CA, SIGNER, TIMESTAMPS, OCSP }

  private X509Certificate certificate(X500Name subject, KeyPair keys, X500Name issuer,
      PrivateKey issuerKey, X509Certificate issuerCertificate, Instant from, Instant until, Role role)
      throws GeneralSecurityException {
    try {
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
          material.serial(), Date.from(from), Date.from(until),
          subject, keys.getPublic());
      builder.addExtension(Extension.subjectKeyIdentifier, false,
          extensions.createSubjectKeyIdentifier(keys.getPublic()));
      if (issuerCertificate != null) {
        builder.addExtension(Extension.authorityKeyIdentifier, false,
            extensions.createAuthorityKeyIdentifier(issuerCertificate));
        // The PKI has two CAs: a self-signed issuer is the root.
        boolean byRoot = issuerCertificate.getSubjectX500Principal()
            .equals(issuerCertificate.getIssuerX500Principal());
        String issuerFile = byRoot ? "root-ca" : "issuing-ca";
        builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(
            new DistributionPoint[] {new DistributionPoint(new DistributionPointName(
                new GeneralNames(uri(base + "crl/" + issuerFile + ".crl"))), null, null)}));
        // The OCSP responder is delegated by the issuing CA, so it answers for that CA's
        // certificates only; the issuing CA's own status comes from the root's CRL.
        AccessDescription issuerCopy = new AccessDescription(AccessDescription.id_ad_caIssuers,
            uri(base + "ca/" + issuerFile + ".cer"));
        builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
            issuerFile.equals("issuing-ca")
                ? new AccessDescription[] {
                    new AccessDescription(AccessDescription.id_ad_ocsp, uri(base + "ocsp")),
                    issuerCopy}
                : new AccessDescription[] {issuerCopy}));
      }
      switch (role) {
        case ROOT, CA -> {
          builder.addExtension(Extension.basicConstraints, true,
              new BasicConstraints(role == Role.ROOT ? 1 : 0));
          builder.addExtension(Extension.keyUsage, true,
              new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        }
        case SIGNER -> builder.addExtension(Extension.keyUsage, true,
            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        case TIMESTAMPS -> {
          builder.addExtension(Extension.keyUsage, true,
              new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
          builder.addExtension(Extension.extendedKeyUsage, true,
              new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
        }
        case OCSP -> {
          builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
          builder.addExtension(Extension.extendedKeyUsage, false,
              new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
          builder.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
        }
      }
      if (role != Role.ROOT && role != Role.CA) {
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      }
      return new JcaX509CertificateConverter().getCertificate(builder.build(signer(issuerKey)));
    } catch (IOException e) {
      throw new GeneralSecurityException("cannot build the certificate of " + subject, e);
    }
  }

  private static ContentSigner signer(PrivateKey key) throws GeneralSecurityException {
    try {
      return new JcaContentSignerBuilder(
          key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA").build(key);
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException("cannot sign with a " + key.getAlgorithm() + " key", e);
    }
  }

  private static GeneralName uri(String address) {
    return new GeneralName(GeneralName.uniformResourceIdentifier, new DERIA5String(address));
  }

  private void store(String identity, KeyPair keys, X509Certificate certificate,
      X509Certificate issuing, X509Certificate root, char[] password)
      throws IOException, GeneralSecurityException {
    files.save(layout.keystore(identity), Map.of(identity, new PrivateKeyEntry(
        keys.getPrivate(), new Certificate[] {certificate, issuing, root})), password);
    files.pem(layout.certificate(identity), certificate);
  }
}
