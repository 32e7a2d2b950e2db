package sohoa.testkit.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh, empty PostgreSQL database on the machine's server (127.0.0.1:5432, or
 * {@code SOHOA_TEST_POSTGRES}: a JDBC URL of a database whose user may create databases), dropped
 * on close. scripts/test.sh starts the server when it is not running; a test that cannot reach
 * it fails: the shared catalog is not optional.
 */
public final class PostgresDatabase implements AutoCloseable {
  private static final String ADMIN = System.getenv().getOrDefault("SOHOA_TEST_POSTGRES",
      "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");

  private final String name;
  private final String url;

  private PostgresDatabase(String name, String url) {
    this.name = name;
    this.url = url;
  }

  /** Creates a database named {@code sohoa_test_<random>}. */
  public static PostgresDatabase create() throws SQLException {
    return create("template0");
  }

  /**
   * Creates a database named {@code sohoa_test_<random>} as a copy of {@code template}'s (a
   * schema already migrated, copied in a fraction of the time its migrations take). PostgreSQL
   * copies only a database nobody is connected to: close every connection to it first.
   */
  public static PostgresDatabase copyOf(PostgresDatabase template) throws SQLException {
    return create(template.name);
  }

  private static PostgresDatabase create(String template) throws SQLException {
    String name = "sohoa_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    try (Connection c = DriverManager.getConnection(ADMIN); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE " + template);
    } catch (SQLException e) {
      throw new SQLException("cannot create a test database on " + ADMIN + " (is PostgreSQL "
          + "running? scripts/test.sh starts it): " + e.getMessage(), e);
    }
    return new PostgresDatabase(name, ADMIN.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"));
  }

  /** The JDBC URL of the database, with its user. */
  public String url() {
    return url;
  }

  @Override
  public void close() throws SQLException {
    try (Connection c = DriverManager.getConnection(ADMIN); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }
}
