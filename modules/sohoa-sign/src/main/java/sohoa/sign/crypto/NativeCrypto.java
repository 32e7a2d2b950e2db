package sohoa.sign.crypto;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.Provider;
import java.util.Optional;

/**
 * AWS-LC, through the Amazon Corretto Crypto Provider, for the RSA and ECDSA work sohoa does with
 * keys in memory: signing (about 3.5 times as fast as the JDK's Java code for RSA-2048) and making
 * the development PKI's keys (RSA-2048 at about 60% of the JDK's CPU). Empty where its native
 * library does not load (it has Linux x86-64 and aarch64 builds) and under
 * {@code -Dsohoa.crypto=jdk}, which scripts/sohoa sets for the one run that writes its
 * class-data-sharing archive: OpenJDK 17 crashes writing a dynamic archive after lambdas of a
 * signed jar (ACCP's) ran. It is never installed as a JDK-wide provider: only the callers that
 * ask for it use it.
 */
public final class NativeCrypto {
  private NativeCrypto() {}

  /** AWS-LC's provider where it can be used here. */
  public static Optional<Provider> provider() {
    if ("jdk".equals(System.getProperty("sohoa.crypto"))) {
      return Optional.empty();
    }
    AmazonCorrettoCryptoProvider aws = AmazonCorrettoCryptoProvider.INSTANCE;
    return aws.getLoadingError() == null ? Optional.of(aws) : Optional.empty();
  }
}
