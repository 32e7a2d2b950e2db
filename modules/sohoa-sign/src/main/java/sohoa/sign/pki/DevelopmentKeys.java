package sohoa.sign.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;
import java.util.Optional;
import sohoa.sign.crypto.NativeCrypto;

/** The random material of a development PKI: key pairs, serial numbers and keystore passwords. */
final class DevelopmentKeys {
  private final SecureRandom random = new SecureRandom();

  /**
   * An RSA-2048 key pair, made by AWS-LC where it loads ({@link NativeCrypto}): seven of them were
   * most of {@code sohoa pki init}'s time, and the JDK's Java code takes two thirds more CPU for
   * each. Handed on as the JDK's own key objects, so that certificates, keystores and signatures
   * are made exactly as before.
   */
  KeyPair rsa() throws GeneralSecurityException {
    Optional<Provider> aws = NativeCrypto.provider();
    KeyPairGenerator generator = aws.isPresent() ? KeyPairGenerator.getInstance("RSA", aws.get())
        : KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048, random);
    KeyPair made = generator.generateKeyPair();
    if (aws.isEmpty()) {
      return made;
    }
    KeyFactory jdk = KeyFactory.getInstance("RSA");
    return new KeyPair(jdk.generatePublic(new X509EncodedKeySpec(made.getPublic().getEncoded())),
        jdk.generatePrivate(new PKCS8EncodedKeySpec(made.getPrivate().getEncoded())));
  }

  /** A P-256 key pair, for the agency's seal. */
  KeyPair ec() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), random);
    return generator.generateKeyPair();
  }

  /** A positive 64-bit certificate serial number. */
  BigInteger serial() {
    return new BigInteger(64, random).abs().add(BigInteger.ONE);
  }

  /** A keystore password: 18 random bytes in hex. */
  char[] password() {
    byte[] bytes = new byte[18];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes).toCharArray();
  }
}
