package sohoa.sign.identity;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import sohoa.core.error.ConfigurationError;

/**
 * The signing key of an opened keystore, a file's or a token's: the one named, or the only one,
 * with its certificate chain. What differs between them (how a key is unlocked, where the rest of
 * the chain comes from) is the caller's.
 */
final class KeyEntry {
  private KeyEntry() {}

  /**
   * @param where how messages name the store, e.g. {@code the keystore officer.p12}
   * @param keyPassword the key's own password; null for a token's, unlocked by the login
   * @param extraChain issuing certificates to add after those the store keeps with the key
   */
  static SigningIdentity identity(KeyStore store, Optional<String> alias, char[] keyPassword,
      String where, List<X509Certificate> extraChain, Optional<Provider> provider)
      throws ConfigurationError {
    try {
      String entry = alias.isPresent() ? alias.get() : only(store, where);
      if (!store.isKeyEntry(entry)) {
        throw new ConfigurationError(where + " has no key named '" + entry + "'",
            "use one of its keys: " + keys(store));
      }
      Certificate[] stored = store.getCertificateChain(entry);
      if (stored == null || stored.length == 0) {
        throw new ConfigurationError("the key '" + entry + "' of " + where + " has no certificate",
            "store the signer's certificate with the key (on a token: with the key's id)");
      }
      List<X509Certificate> chain = new ArrayList<>();
      for (Certificate c : stored) {
        chain.add((X509Certificate) c);
      }
      chain.addAll(extraChain);
      return new SigningIdentity((PrivateKey) store.getKey(entry, keyPassword), chain, provider);
    } catch (GeneralSecurityException e) {
      throw new ConfigurationError("cannot use the key of " + where + ": " + e.getMessage(),
          "check the key's name and password, and that it may sign", e);
    }
  }

  private static String only(KeyStore store, String where)
      throws GeneralSecurityException, ConfigurationError {
    List<String> keys = keys(store);
    if (keys.size() != 1) {
      throw new ConfigurationError(where + " holds " + keys.size() + " keys, so which one signs"
          + " must be said", "name one with --alias: " + keys);
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
