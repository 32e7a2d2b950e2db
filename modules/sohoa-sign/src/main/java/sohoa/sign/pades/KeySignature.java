package sohoa.sign.pades;

import com.itextpdf.kernel.crypto.DigestAlgorithms;
import com.itextpdf.signatures.IExternalSignature;
import com.itextpdf.signatures.ISignatureMechanismParams;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.util.Objects;
import java.util.Optional;
import sohoa.sign.crypto.NativeCrypto;
import sohoa.sign.identity.SigningIdentity;

/**
 * Makes the raw signature (RSA PKCS#1 v1.5 or ECDSA over SHA-256) with the provider that can use
 * the key: a token's own provider for a key on a token; for a key in memory, AWS-LC
 * ({@link NativeCrypto}) where it loads, else the JDK's. The JDK's RSA-2048 took more than half
 * the time of a B-B signature.
 */
final class KeySignature implements IExternalSignature {
  private final PrivateKey key;
  private final Optional<Provider> provider;
  private final String algorithm;

  private KeySignature(PrivateKey key, Optional<Provider> provider) {
    this.key = Objects.requireNonNull(key, "key");
    this.provider = provider;
    this.algorithm = switch (key.getAlgorithm()) {
      case "RSA" -> "RSA";
      case "EC", "ECDSA" -> "ECDSA";
      default -> throw new IllegalArgumentException("sohoa signs with RSA or ECDSA keys, not "
          + key.getAlgorithm());
    };
  }

  /** The signature for {@code identity}'s key, its native form made once, here. */
  static KeySignature of(SigningIdentity identity) {
    if (identity.provider().isPresent()) {
      return new KeySignature(identity.key(), identity.provider());
    }
    Optional<Provider> aws = NativeCrypto.provider();
    if (aws.isEmpty()) {
      return new KeySignature(identity.key(), Optional.empty());
    }
    try {
      PrivateKey key = identity.key();
      PrivateKey translated = (PrivateKey) KeyFactory.getInstance(key.getAlgorithm(), aws.get())
          .translateKey(key);
      return new KeySignature(translated, aws);
    } catch (GeneralSecurityException e) {
      // A key AWS-LC does not take (an unusual curve) is still one the JDK signs with.
      return new KeySignature(identity.key(), Optional.empty());
    }
  }

  /** The provider that signs; empty for the JDK's default. */
  Optional<Provider> provider() {
    return provider;
  }

  @Override
  public String getDigestAlgorithmName() {
    return DigestAlgorithms.getDigest(DigestAlgorithms.getAllowedDigest(DigestAlgorithms.SHA256));
  }

  @Override
  public String getSignatureAlgorithmName() {
    return algorithm;
  }

  @Override
  public ISignatureMechanismParams getSignatureMechanismParameters() {
    return null;
  }

  @Override
  public byte[] sign(byte[] message) throws GeneralSecurityException {
    String name = "SHA256with" + algorithm;
    Signature signature = provider.isPresent()
        ? Signature.getInstance(name, provider.get())
        : Signature.getInstance(name);
    signature.initSign(key);
    signature.update(message);
    return signature.sign();
  }
}
