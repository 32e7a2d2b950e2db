package sohoa.sign.identity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.List;
import java.util.Optional;
import sohoa.core.error.ConfigurationError;
import sohoa.core.error.WrongSecret;

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
        throw new WrongSecret("the password does not open the keystore " + file,
            "give the keystore's password (environment variable, file or prompt)");
      }
      throw new ConfigurationError("cannot read the keystore " + file + ": " + e.getMessage(),
          "check the path and that the file is a PKCS#12 (.p12, .pfx) keystore");
    } catch (GeneralSecurityException e) {
      throw new ConfigurationError("cannot read the keystore " + file + ": " + e.getMessage(),
          "check that the file is a PKCS#12 (.p12, .pfx) keystore");
    }
    return KeyEntry.identity(store, alias, password, "the keystore " + file, List.of(),
        Optional.empty());
  }
}
