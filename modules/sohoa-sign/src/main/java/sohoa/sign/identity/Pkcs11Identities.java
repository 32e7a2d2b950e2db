package sohoa.sign.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
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
    // The signature is made by whichever provider can use the key: the token's must be known
    // to the JCA by name for that.
    Security.addProvider(provider);
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
    try {
      String alias = token.alias().isPresent() ? token.alias().get() : onlyKey(store);
      if (!store.isKeyEntry(alias)) {
        throw new ConfigurationError("the token has no key labelled '" + alias + "'",
            "use one of its keys: " + keys(store));
      }
      List<X509Certificate> chain = new ArrayList<>();
      Certificate[] onToken = store.getCertificateChain(alias);
      if (onToken == null || onToken.length == 0) {
        throw new ConfigurationError("the key '" + alias + "' has no certificate on the token",
            "load the signer's certificate onto the token with the key's id");
      }
      for (Certificate c : onToken) {
        chain.add((X509Certificate) c);
      }
      if (token.chainFile().isPresent()) {
        chain.addAll(PemCertificates.read(token.chainFile().get()));
      }
      return new SigningIdentity((PrivateKey) store.getKey(alias, null), chain,
          Optional.of(provider.getName()));
    } catch (GeneralSecurityException e) {
      throw new ConfigurationError("cannot use the token's key: " + e.getMessage(),
          "check the key's label and that it may sign", e);
    }
  }

  private static String onlyKey(KeyStore store)
      throws GeneralSecurityException, ConfigurationError {
    List<String> keys = keys(store);
    if (keys.size() != 1) {
      throw new ConfigurationError("the token holds " + keys.size() + " keys, so which one signs"
          + " must be said", "name one by its label: " + keys);
    }
    return keys.get(0);
  }

  private static List<String> keys(KeyStore store) throws GeneralSecurityException {
    List<String> keys = new ArrayList<>();
    for (String alias : Collections.list(store.aliases())) {
      if (store.isKeyEntry(alias)) {
        keys.add(alias);
      }
    }
    return keys;
  }
}
