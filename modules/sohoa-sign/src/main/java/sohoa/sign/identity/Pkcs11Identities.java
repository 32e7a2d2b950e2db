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
import sohoa.core.error.WrongSecret;

/**
 * Loads a signing identity from a PKCS#11 token (a USB token, an HSM, SoftHSM2) through the
 * JDK's SunPKCS11 provider. The key never leaves the token: signing happens on it.
 */
public final class Pkcs11Identities {
  private Pkcs11Identities() {}

  /** Which token of a module: by its position among the slots holding one, or by its label. */
  public sealed interface Slot {
    /** The SunPKCS11 configuration line that selects the slot. */
    String configuration(Path library) throws ConfigurationError;

    /** How messages name the token. */
    String describe();

    /** The {@code index}-th slot holding a token, counted from 0. */
    record ByIndex(int index) implements Slot {
      public ByIndex {
        if (index < 0) {
          throw new IllegalArgumentException("slots are counted from 0, got " + index);
        }
      }

      @Override
      public String configuration(Path library) {
        return "slotListIndex=" + index;
      }

      @Override
      public String describe() {
        return "the token in slot " + index;
      }
    }

    /** The token whose label (the name given when it was initialised) is {@code label}. */
    record ByLabel(String label) implements Slot {
      public ByLabel {
        if (label == null || label.isBlank()) {
          throw new IllegalArgumentException("a token label may not be blank");
        }
      }

      @Override
      public String configuration(Path library) throws ConfigurationError {
        return "slot=" + TokenSlots.withLabel(library, label);
      }

      @Override
      public String describe() {
        return "the token '" + label + "'";
      }
    }
  }

  /**
   * Where the key is.
   *
   * @param library the token's PKCS#11 module, e.g. {@code /usr/lib/softhsm/libsofthsm2.so}
   * @param slot which of the module's tokens
   * @param alias the key's label on the token; the only key when empty
   * @param chainFile the issuing CA certificates, PEM, when the token holds only the signer's
   */
  public record Token(Path library, Slot slot, Optional<String> alias,
      Optional<Path> chainFile) {
    public Token {
      Objects.requireNonNull(library, "library");
      Objects.requireNonNull(slot, "slot");
      Objects.requireNonNull(alias, "alias");
      Objects.requireNonNull(chainFile, "chainFile");
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
    String slot = token.slot().configuration(token.library());
    Provider provider;
    try {
      // Inline configuration: SunPKCS11 reads "--" followed by the lines of a config file.
      provider = Security.getProvider("SunPKCS11").configure("--name=sohoa-"
          + Integer.toHexString(System.identityHashCode(token)) + "\nlibrary="
          + token.library().toAbsolutePath() + "\n" + slot + "\n");
    } catch (RuntimeException e) {
      throw new ConfigurationError("the PKCS#11 module " + token.library() + " cannot be used: "
          + e.getMessage(), "check that " + token.slot().describe() + " is plugged in", e);
    }
    KeyStore store;
    try {
      store = KeyStore.getInstance("PKCS11", provider);
      store.load(null, pin);
    } catch (IOException e) {
      throw new WrongSecret("the token refused the PIN or cannot be opened: "
          + e.getMessage(), "give the token's user PIN (environment variable, file or prompt)");
    } catch (GeneralSecurityException e) {
      throw new ConfigurationError("the token cannot be read: " + e.getMessage(),
          "check the module path and the slot", e);
    }
    return KeyEntry.identity(store, token.alias(), null, token.slot().describe() + " of "
        + token.library(),
        token.chainFile().isPresent() ? PemCertificates.read(token.chainFile().get()) : List.of(),
        Optional.of(provider));
  }
}
