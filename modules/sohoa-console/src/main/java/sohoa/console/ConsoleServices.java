package sohoa.console;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import sohoa.catalog.Catalog;
import sohoa.certify.CertificationService;
import sohoa.store.ObjectStore;

/**
 * What the console works with.
 *
 * @param certification issues certified copies; empty: the console offers none
 * @param uploads digitises uploaded scans; empty: the console takes none
 * @param tokens the PKCS#11 module of officers' tokens ({@code pkcs11:<label>} keys), and the
 *     issuing CA certificates when the tokens hold only the officer's
 * @param work a folder for page images being rendered
 * @param office the certification office whose register books copies go in
 */
public record ConsoleServices(Catalog catalog, ObjectStore store,
    Optional<CertificationService> certification, Optional<Uploads> uploads,
    Tokens tokens, Path work, String office) {
  public ConsoleServices {
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(certification, "certification");
    Objects.requireNonNull(uploads, "uploads");
    Objects.requireNonNull(tokens, "tokens");
    Objects.requireNonNull(work, "work");
    Objects.requireNonNull(office, "office");
  }

  /** Where officers' tokens are reached: the PKCS#11 module, and a PEM chain for them. */
  public record Tokens(Optional<Path> library, Optional<Path> chain) {
    public Tokens {
      Objects.requireNonNull(library, "library");
      Objects.requireNonNull(chain, "chain");
    }

    public static Tokens none() {
      return new Tokens(Optional.empty(), Optional.empty());
    }
  }
}
