package sohoa.catalog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import sohoa.core.error.StorageFailure;

/**
 * Where the catalog is: the embedded H2 file of a data folder, or a shared PostgreSQL database.
 *
 * @param password the database password, read from an environment variable or a file; never
 *     part of the URL, which messages show
 */
public record CatalogAddress(String jdbcUrl, Optional<String> password) {
  /**
   * A password in a JDBC URL: a {@code password} (or H2 {@code PASSWORD}) parameter, or user
   * information before the host.
   */
  private static final Pattern PASSWORD_IN_URL =
      Pattern.compile("(?i)([?&;]password\\s*=)|(^jdbc:[a-z0-9]+://[^/@?;]*:[^/@?;]*@)");

  public CatalogAddress {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(password, "password");
    if (holdsPassword(jdbcUrl)) {
      throw new IllegalArgumentException("a catalog's JDBC URL must not hold its password: "
          + "give it in SOHOA_CATALOG_PASSWORD or a file (--catalog-password-file)");
    }
  }

  /**
   * Whether a JDBC URL carries a password. A URL is shown in messages, logs and process lists,
   * and a database driver's errors quote it whole: the password goes in an environment variable
   * or a file instead.
   */
  public static boolean holdsPassword(String jdbcUrl) {
    return PASSWORD_IN_URL.matcher(jdbcUrl).find();
  }

  /**
   * The embedded catalog in {@code folder}, shared by every sohoa process on this machine that
   * uses the folder: the first to open it holds the database and serves it to the others over a
   * local socket (H2's automatic mixed mode), and when it exits another takes over. A one-stop
   * counter runs {@code serve} and still its night batch, {@code certify} and {@code officers}.
   *
   * <p>Every commit is written at once (H2 otherwise waits up to half a second): a process killed
   * right after cataloguing a document must find it catalogued when the batch is run again. Its
   * password is its own, generated and kept in the folder ({@link #embeddedPassword}).
   */
  public static CatalogAddress embedded(Path folder) {
    return new CatalogAddress("jdbc:h2:file:" + folder.toAbsolutePath().resolve("sohoa")
        + ";AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000;WRITE_DELAY=0", Optional.empty());
  }

  /**
   * The password of the embedded catalog in {@code folder}, made if it has none yet: for tools
   * that open its database themselves (H2's shell, a repair).
   */
  public static String embeddedPassword(Path folder) throws IOException {
    return EmbeddedPassword.of(folder);
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
