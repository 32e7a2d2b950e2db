package sohoa.sign.identity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import sohoa.core.error.ConfigurationError;

/** Loads a signing identity from a PKCS#12 (.p12, .pfx) file. */
public final class Pkcs12Identities {
  private Pkcs12Identities() {}

  /**
   * The key and chain under {@code alias} in {@code file}, or under its only key entry.
   *
   * @throws ConfigurationError naming the file when it cannot be opened, the password is wrong
   *     or the entry is missing or ambiguous
   */
  public static SigningIdentity load(Path file, char[] password, Optional<String> alias)
      throws ConfigurationError {
    KeyStore store;
    try (InputStream in = Files.newInputStream(file)) {
      store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
    } catch (IOException e) {
      if (e.getCause() instanceof UnrecoverableKeyException) {
        throw new ConfigurationError("the password does not open the keystore " + file,
            "give the keystore's password (environment variable, file or prompt)");
      }
      throw new ConfigurationError("cannot read the keystore " + file + ": " + e.getMessage(),
          "check the path and that the file is a PKCS#12 (.p12, .pfx) keystore");
    } catch (GeneralSecurityException e) {
      throw new ConfigurationError("cannot read the keystore " + file + ": " + e.getMessage(),
          "check that the file is a PKCS#12 (.p12, .pfx) keystore");
    }
    try {
      String entry = alias.isPresent() ? alias.get() : onlyKeyEntry(store, file);
      if (!store.isKeyEntry(entry)) {
        throw new ConfigurationError("the keystore " + file + " has no key named '" + entry + "'",
            "use one of its keys: " + keyEntries(store));
      }
      PrivateKey key = (PrivateKey) store.getKey(entry, password);
      List<X509Certificate> chain = new ArrayList<>();
      for (Certificate c : store.getCertificateChain(entry)) {
        chain.add((X509Certificate) c);
      }
      return new SigningIdentity(key, chain, Optional.empty());
    } catch (GeneralSecurityException e) {
      throw new ConfigurationError("cannot take the key out of " + file + ": " + e.getMessage(),
          "check the key's password; sohoa uses the keystore's password for its key");
    }
  }

  private static String onlyKeyEntry(KeyStore store, Path file)
      throws GeneralSecurityException, ConfigurationError {
    List<String> keys = keyEntries(store);
    if (keys.size() != 1) {
      throw new ConfigurationError("the keystore " + file + " holds " + keys.size()
          + " keys, so which one signs must be said", "name one with --alias: " + keys);
    }
    return keys.get(0);
  }

  private static List<String> keyEntries(KeyStore store) throws GeneralSecurityException {
    List<String> keys = new ArrayList<>();
    for (String alias : Collections.list(store.aliases())) {
      if (store.isKeyEntry(alias)) {
        keys.add(alias);
      }
    }
    return keys;
  }
}
