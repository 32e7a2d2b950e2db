package sohoa.catalog;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import sohoa.core.error.StorageFailure;

/**
 * Where the catalog is: the embedded H2 file of a data folder, or a shared PostgreSQL database.
 *
 * @param password the database password, read from an environment variable or a file; never
 *     part of the URL, which messages show
 */
public record CatalogAddress(String jdbcUrl, Optional<String> password) {
  public CatalogAddress {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(password, "password");
  }

  /**
   * The embedded catalog in {@code folder}. Every commit is written at once (H2 otherwise waits
   * up to half a second): a process killed right after cataloguing a document must find it
   * catalogued when the batch is run again.
   */
  public static CatalogAddress embedded(Path folder) {
    return new CatalogAddress("jdbc:h2:file:" + folder.toAbsolutePath().resolve("sohoa")
        + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;WRITE_DELAY=0", Optional.empty());
  }

  public Catalog open() throws StorageFailure {
    return Catalog.open(jdbcUrl, password);
  }

  /** Never the password. */
  @Override
  public String toString() {
    return jdbcUrl.replaceAll("[;?].*", "");
  }
}
