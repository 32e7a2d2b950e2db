package sohoa.catalog;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Optional;

/**
 * The embedded H2 catalog's database password: generated once, the first time the catalog is
 * opened, and kept in {@value #FILE} beside the database, readable by sohoa's user alone (600).
 * An H2 file opened as {@code sa} with no password can be opened by anything that can read it, and
 * a catalog made before there was a password is given this one the first time it is opened.
 */
final class EmbeddedPassword {
  static final String FILE = "password";
  private static final String PREFIX = "jdbc:h2:file:";
  /** H2's code for a wrong user name or password. */
  private static final int WRONG_PASSWORD = 28000;

  private EmbeddedPassword() {}

  /** The folder of an embedded H2 catalog's URL; empty for any other database. */
  static Optional<Path> folderOf(String jdbcUrl) {
    if (!jdbcUrl.startsWith(PREFIX)) {
      return Optional.empty();
    }
    Path database = Path.of(jdbcUrl.substring(PREFIX.length()).replaceFirst(";.*", ""));
    return Optional.ofNullable(database.toAbsolutePath().getParent());
  }

  /** The password kept in {@code folder}, made (and kept) if there is none yet. */
  static String of(Path folder) throws IOException {
    Path file = folder.resolve(FILE);
    if (Files.exists(file)) {
      return Files.readString(file).strip();
    }
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Path written = Files.createTempFile(folder, FILE, ".tmp",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try {
      Files.writeString(written, secret);
      // A link is made whole or not at all, and never over another process's password.
      Files.createLink(file, written);
      return secret;
    } catch (FileAlreadyExistsException e) {
      return Files.readString(file).strip();
    } finally {
      Files.deleteIfExists(written);
    }
  }

  /**
   * Whether {@code e} is H2 refusing the password, as it refuses a catalog made before it had
   * one.
   */
  static boolean refused(SQLException e) {
    return e.getErrorCode() == WRONG_PASSWORD;
  }

  /** Gives a catalog made with no password this one. */
  static void setOnOlder(String jdbcUrl, String secret) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, "sa", "");
        Statement statement = c.createStatement()) {
      // The secret is base64url: nothing in it can end the quoted literal.
      statement.execute("ALTER USER SA SET PASSWORD '" + secret + "'");
    }
  }
}
