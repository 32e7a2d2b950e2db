package sohoa.catalog;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;
import sohoa.core.error.StorageFailure;

/**
 * The one connection pool every part of a catalog shares: H2's own for an H2 catalog, HikariCP
 * for PostgreSQL; opened with its schema brought up to date.
 */
record ConnectionPool(DataSource source, AutoCloseable closer) {
  /** The highest migration under db/; a test keeps the two in step. */
  static final int SCHEMA_VERSION = 15;

  /**
   * The pool for an H2 ({@code jdbc:h2:...}) or PostgreSQL URL, with the database password when
   * there is one, its schema migrated.
   */
  static ConnectionPool open(String jdbcUrl, Optional<String> password) throws StorageFailure {
    DataSource source;
    AutoCloseable pool;
    String vendor;
    if (jdbcUrl.startsWith("jdbc:h2:")) {
      vendor = "h2";
      JdbcConnectionPool h2 = embeddedPool(jdbcUrl, password);
      source = h2;
      pool = h2::dispose;
    } else if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      vendor = "postgresql";
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(jdbcUrl);
      password.ifPresent(config::setPassword);
      config.setMaximumPoolSize(16);
      config.setPoolName("sohoa-catalog");
      // Fail in seconds, with the reason, when the server is down: not after the 30 s default.
      config.setInitializationFailTimeout(10_000);
      config.setConnectionTimeout(10_000);
      try {
        HikariDataSource hikari = new HikariDataSource(config);
        source = hikari;
        pool = hikari;
      } catch (RuntimeException e) {
        throw new StorageFailure("the catalog database " + redacted(jdbcUrl)
            + " cannot be reached: " + rootMessage(e), "check that PostgreSQL runs, that the"
            + " database exists and that the user may connect (password from"
            + " SOHOA_CATALOG_PASSWORD or --catalog-password-file)", e);
      }
    } else {
      throw new IllegalArgumentException("a catalog is an H2 (jdbc:h2:) or PostgreSQL"
          + " (jdbc:postgresql:) database, not " + redacted(jdbcUrl));
    }
    try {
      if (upToDate(source)) {
        return new ConnectionPool(source, pool);
      }
      // Migrations for both databases, then those only one of them can run (the audit log's
      // append-only trigger is PL/pgSQL on PostgreSQL, a Java class on H2).
      Flyway.configure().dataSource(source)
          .locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
          .loggers("slf4j").load().migrate();
    } catch (FlywayException e) {
      closeQuietly(pool);
      throw new StorageFailure("the catalog at " + redacted(jdbcUrl) + " cannot be opened or"
          + " migrated: " + e.getMessage(), "check that this sohoa is not older than the"
          + " one that last opened the catalog (its migrations are not known here), or restore"
          + " the catalog folder from backup", e);
    }
    return new ConnectionPool(source, pool);
  }
  /**
   * A pool over an H2 catalog. An embedded one given no password uses its own
   * ({@link EmbeddedPassword}), set first on a catalog made before it had one; the pool's first
   * connection, which tells, is the one the schema check then uses.
   */
  private static JdbcConnectionPool embeddedPool(String jdbcUrl, Optional<String> password)
      throws StorageFailure {
    Optional<Path> folder = password.isPresent() ? Optional.empty()
        : EmbeddedPassword.folderOf(jdbcUrl);
    if (folder.isEmpty()) {
      return h2Pool(jdbcUrl, password.orElse(""));
    }
    try {
      Files.createDirectories(folder.get());
      String secret = EmbeddedPassword.of(folder.get());
      JdbcConnectionPool h2 = h2Pool(jdbcUrl, secret);
      try {
        h2.getConnection().close();
      } catch (SQLException e) {
        if (!EmbeddedPassword.refused(e)) {
          throw e;
        }
        h2.dispose();
        EmbeddedPassword.setOnOlder(jdbcUrl, secret);
        h2 = h2Pool(jdbcUrl, secret);
      }
      return h2;
    } catch (IOException | SQLException e) {
      throw new StorageFailure("the catalog in " + folder.get() + " cannot be opened with its"
          + " password (" + EmbeddedPassword.FILE + "): " + e.getMessage(), "check that no other"
          + " sohoa process holds it, and that the password file is the one it was made with",
          e);
    }
  }

  private static JdbcConnectionPool h2Pool(String jdbcUrl, String password) {
    JdbcConnectionPool h2 = JdbcConnectionPool.create(jdbcUrl, "sa", password);
    h2.setMaxConnections(32);
    return h2;
  }

  /**
   * Whether the schema already stands at {@link #SCHEMA_VERSION} with no failed migration: then
   * Flyway, which costs half a second of every command's start, is not loaded at all. Anything
   * else (a new catalog, an older or newer schema, a failed migration, no history) is Flyway's to
   * judge, as before.
   */
  private static boolean upToDate(DataSource source) {
    try (Connection connection = source.getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT \"version\", \"success\" FROM"
            + " \"flyway_schema_history\" WHERE \"version\" IS NOT NULL")) {
      boolean current = false;
      while (rows.next()) {
        if (!rows.getBoolean(2)) {
          return false;
        }
        current |= String.valueOf(SCHEMA_VERSION).equals(rows.getString(1));
      }
      return current;
    } catch (SQLException e) {
      return false; // No history table yet: a new catalog, which Flyway creates.
    }
  }

  private static String redacted(String jdbcUrl) {
    return jdbcUrl.replaceAll("[;?].*", "");
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  private static void closeQuietly(AutoCloseable pool) {
    try {
      pool.close();
    } catch (Exception e) {
      // Already failing with the migration's reason; the pool's own close failure adds nothing.
    }
  }

  /** Closes the pool: every part of the catalog over it stops working. */
  void close() {
    try {
      closer.close();
    } catch (Exception e) {
      throw new IllegalStateException("closing the catalog failed", e);
    }
  }
}
