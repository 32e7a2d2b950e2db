package sohoa.sign.pki;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore.PrivateKeyEntry;
import java.security.Provider;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBag;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;

/** The development PKI's files: PKCS#12 keystores and PEM certificates. */
final class PkiFiles {
  /**
   * PBKDF2 and MAC-key iterations of the keystores. Stretching a password makes each guess at a
   * person's password cost more; the development PKI's passwords are 144 random bits
   * ({@link DevelopmentKeys#password}), written beside the keystores, and no count makes them
   * harder to guess. The JDK's 10 000, three times per file (key, certificates, MAC), made PBKDF2
   * 8% of the test JVMs' Java time: {@code pki init} writes eight files, and every signature with
   * a development identity loads one.
   */
  private static final int ITERATIONS = 1;

  /**
   * Bouncy Castle's own ciphers: under the JDK's, the AES-CBC that PBES2 names comes without the
   * padding PKCS#8 needs.
   */
  private final Provider provider = new BouncyCastleProvider();
  private final JcaX509ExtensionUtils extensions;

  PkiFiles() throws GeneralSecurityException {
    extensions = new JcaX509ExtensionUtils();
  }

  /**
   * Writes the key {@code entries}, by alias, to {@code file}: what the JDK writes (PBES2 with
   * PBKDF2-HMAC-SHA256 and AES-256 around each key, an HMAC-SHA256 over the whole) with
   * {@link #ITERATIONS}, and the certificates, which are public, unencrypted.
   */
  void save(Path file, Map<String, PrivateKeyEntry> entries, char[] password)
      throws IOException, GeneralSecurityException {
    try {
      OutputEncryptor encryptor = new JcePKCSPBEOutputEncryptorBuilder(
          NISTObjectIdentifiers.id_aes256_CBC)
          .setPRF(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE))
          .setProvider(provider).setIterationCount(ITERATIONS).build(password);
      Set<Certificate> certificates = new LinkedHashSet<>();
      List<PKCS12SafeBag> keys = new ArrayList<>();
      List<PKCS12SafeBag> bags = new ArrayList<>();
      for (Map.Entry<String, PrivateKeyEntry> entry : entries.entrySet()) {
        Certificate[] chain = entry.getValue().getCertificateChain();
        DERBMPString alias = new DERBMPString(entry.getKey());
        SubjectKeyIdentifier keyId = extensions.createSubjectKeyIdentifier(chain[0].getPublicKey());
        JcaPKCS12SafeBagBuilder own = new JcaPKCS12SafeBagBuilder((X509Certificate) chain[0]);
        own.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, alias);
        own.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, keyId);
        bags.add(own.build());
        for (int i = 1; i < chain.length; i++) {
          certificates.add(chain[i]);
        }
        JcaPKCS12SafeBagBuilder key = new JcaPKCS12SafeBagBuilder(
            entry.getValue().getPrivateKey(), encryptor);
        key.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, alias);
        key.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, keyId);
        keys.add(key.build());
      }
      // An issuer that is also an entry's own certificate (the root in the CAs' file) is there.
      entries.values().forEach(entry -> certificates.remove(entry.getCertificate()));
      for (Certificate issuer : certificates) {
        bags.add(new JcaPKCS12SafeBagBuilder((X509Certificate) issuer).build());
      }
      PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
      bags.addAll(keys);
      for (PKCS12SafeBag bag : bags) {
        pfx.addData(bag);
      }
      Files.write(file, pfx.build(new JcePKCS12MacCalculatorBuilder(NISTObjectIdentifiers.id_sha256)
          .setProvider(provider).setIterationCount(ITERATIONS), password)
          .getEncoded(ASN1Encoding.DER));
    } catch (OperatorCreationException | PKCSException e) {
      throw new GeneralSecurityException("cannot write the keystore " + file, e);
    }
  }

  /** Writes {@code certificate} to {@code file} as PEM. */
  void pem(Path file, X509Certificate certificate) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(certificate);
    }
    Files.writeString(file, text.toString(), StandardCharsets.US_ASCII);
  }
}
