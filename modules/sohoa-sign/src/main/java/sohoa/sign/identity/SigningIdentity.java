package sohoa.sign.identity;

import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A key that signs and its certificate chain, signer first. The key may live on a token: then
 * {@code provider} is the JCA provider that reaches it and the key object is only a handle.
 *
 * @param provider the token's JCA provider, which alone can sign with the key; empty for a key in
 *     memory
 */
public record SigningIdentity(PrivateKey key, List<X509Certificate> chain,
    Optional<Provider> provider) {
  public SigningIdentity {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(provider, "provider");
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a signing identity needs its certificate");
    }
    chain = List.copyOf(chain);
  }

  public X509Certificate certificate() {
    return chain.get(0);
  }

  /** The signer's name as its certificate gives it (CN), for messages and visible signatures. */
  public String signerName() {
    return CertificateNames.commonName(certificate());
  }

  /** Never the key: a record's default toString would be the only leak path. */
  @Override
  public String toString() {
    return "SigningIdentity[" + certificate().getSubjectX500Principal().getName() + "]";
  }
}
