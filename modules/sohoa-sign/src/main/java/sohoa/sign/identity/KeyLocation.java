package sohoa.sign.identity;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import sohoa.core.error.ConfigurationError;

/**
 * Where a signer's own key is kept on the server: a PKCS#12 file, or a token behind a PKCS#11
 * module. Its password or PIN is not kept anywhere; the signer gives it each time, and it opens
 * the key for that one signature.
 */
public sealed interface KeyLocation {
  /** Opens the key with {@code pin}; a wrong one is a {@link ConfigurationError} naming it. */
  SigningIdentity unlock(char[] pin) throws ConfigurationError;

  /** As accounts record it: a file path, or {@code pkcs11:<token label>}. */
  String text();

  /**
   * Reads {@code text}: {@code pkcs11:<label>} for a token (through {@code pkcs11Library}, with
   * {@code tokenChain} when tokens hold only the signer's certificate), anything else a PKCS#12
   * file's path.
   */
  static KeyLocation parse(String text, Optional<Path> pkcs11Library, Optional<Path> tokenChain)
      throws ConfigurationError {
    if (text.startsWith("pkcs11:")) {
      Path library = pkcs11Library.orElseThrow(() -> new ConfigurationError("the key " + text
          + " is on a token and no PKCS#11 module is configured", "start the server with"
          + " --pkcs11-library PATH (SoftHSM2: /usr/lib/softhsm/libsofthsm2.so)"));
      return new OnToken(library, text.substring("pkcs11:".length()), tokenChain);
    }
    return new Keystore(Path.of(text));
  }

  /** A PKCS#12 keystore; the PIN is its password. */
  record Keystore(Path file) implements KeyLocation {
    public Keystore {
      Objects.requireNonNull(file, "file");
    }

    @Override
    public SigningIdentity unlock(char[] pin) throws ConfigurationError {
      return Pkcs12Identities.load(file, pin, Optional.empty());
    }

    @Override
    public String text() {
      return file.toString();
    }
  }

  /**
   * The only key on the token labelled {@code label}; the PIN is the token's user PIN.
   *
   * @param chain the issuing CA certificates (PEM), when the token holds only the signer's
   */
  record OnToken(Path library, String label, Optional<Path> chain) implements KeyLocation {
    public OnToken {
      Objects.requireNonNull(library, "library");
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(chain, "chain");
    }

    @Override
    public SigningIdentity unlock(char[] pin) throws ConfigurationError {
      return Pkcs11Identities.load(new Pkcs11Identities.Token(library,
          new Pkcs11Identities.Slot.ByLabel(label), Optional.empty(), chain), pin);
    }

    @Override
    public String text() {
      return "pkcs11:" + label;
    }
  }
}
