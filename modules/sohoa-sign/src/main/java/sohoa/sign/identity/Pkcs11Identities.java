package sohoa.sign.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import sohoa.core.error.ConfigurationError;

/**
 * Loads a signing identity from a PKCS#11 token (a USB token, an HSM, SoftHSM2) through the
 * JDK's SunPKCS11 provider. The key never leaves the token: signing happens on it.
 */
public final class Pkcs11Identities {
  private Pkcs11Identities() {}

  /**
   * Where the key is.
   *
   * @param library the token's PKCS#11 module, e.g. {@code /usr/lib/softhsm/libsofthsm2.so}
   * @param slotIndex which of the module's slots with a token (0: the first)
   * @param alias the key's label on the token; the only key when empty
   * @param chainFile the issuing CA certificates, PEM, when the token holds only the signer's
   */
  public record Token(Path library, int slotIndex, Optional<String> alias,
      Optional<Path> chainFile) {
    public Token {
      Objects.requireNonNull(library, "library");
      Objects.requireNonNull(alias, "alias");
      Objects.requireNonNull(chainFile, "chainFile");
      if (slotIndex < 0) {
        throw new IllegalArgumentException("slots are counted from 0, got " + slotIndex);
      }
    }
  }

  /**
   * Logs in to the token with {@code pin} and returns its key with its chain.
   *
   * @throws ConfigurationError when the module cannot be loaded, the PIN is refused or the key
   *     is missing
   */
  public static SigningIdentity load(Token token, char[] pin) throws ConfigurationError {
    if (!Files.isRegularFile(token.library())) {
      throw new ConfigurationError("no PKCS#11 module at " + token.library(),
          "install the token's driver (SoftHSM2: apt install softhsm2) and give its .so path");
    }
    Provider provider;
    try {
      // Inline configuration: SunPKCS11 reads "--" followed by the lines of a config file.
      provider = Security.getProvider("SunPKCS11").configure("--name=sohoa-"
          + Integer.toHexString(System.identityHashCode(token)) + "\nlibrary="
          + token.library().toAbsolutePath() + "\nslotListIndex=" + token.slotIndex() + "\n");
    } catch (RuntimeException e) {
      throw new ConfigurationError("the PKCS#11 module " + token.library() + " cannot be used: "
          + e.getMessage(), "check that a token is present in slot " + token.slotIndex(), e);
    }
    KeyStore store;
    try {
      store = KeyStore.getInstance("PKCS11", provider);
      store.load(null, pin);
    } catch (IOException e) {
      throw new ConfigurationError("the token refused the PIN or cannot be opened: "
          + e.getMessage(), "give the token's user PIN (environment variable, file or prompt)");
    } catch (GeneralSecurityException e) {
      throw new ConfigurationError("the token cannot be read: " + e.getMessage(),
          "check the module path and the slot", e);
    }
    return KeyEntry.identity(store, token.alias(), null, "the token in slot "
        + token.slotIndex() + " of " + token.library(),
        token.chainFile().isPresent() ? PemCertificates.read(token.chainFile().get()) : List.of(),
        Optional.of(provider));
  }
}
