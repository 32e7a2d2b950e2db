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
 * @param pkcs11Library the PKCS#11 module of officers' tokens ({@code pkcs11:<label>} keys)
 * @param work a folder for page images being rendered
 * @param office the certification office whose register books copies go in
 */
public record ConsoleServices(Catalog catalog, ObjectStore store,
    Optional<CertificationService> certification, Optional<Uploads> uploads,
    Optional<Path> pkcs11Library, Path work, String office) {
  public ConsoleServices {
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(certification, "certification");
    Objects.requireNonNull(uploads, "uploads");
    Objects.requireNonNull(pkcs11Library, "pkcs11Library");
    Objects.requireNonNull(work, "work");
    Objects.requireNonNull(office, "office");
  }
}
