package sohoa.catalog;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import sohoa.testkit.db.PostgresDatabase;

/**
 * The catalog a test runs against: the embedded H2 one in a test folder, or a fresh database on
 * the machine's PostgreSQL (dropped on close). The same tests run on both.
 */
final class TestCatalogs implements AutoCloseable {
  /** For {@code @ValueSource}: every catalog database sohoa supports. */
  static final String H2 = "h2";
  static final String POSTGRESQL = "postgresql";

  private final String database;
  private final Path dir;
  private PostgresDatabase postgres;

  TestCatalogs(String database, Path dir) {
    this.database = database;
    this.dir = dir;
  }

  /** Opens the catalog; again after closing it, the same one. */
  Catalog open() throws Exception {
    if (database.equals(H2)) {
      return Catalog.embedded(dir);
    }
    if (postgres == null) {
      postgres = PostgresDatabase.create();
    }
    return Catalog.open(postgres.url());
  }

  /** Runs SQL on the catalog's database behind sohoa's back, as a tamperer would. */
  void tamper(String sql) throws Exception {
    String url = database.equals(H2) ? CatalogAddress.embedded(dir).jdbcUrl() : postgres.url();
    try (Connection c = database.equals(H2) ? DriverManager.getConnection(url, "sa", "")
        : DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  @Override
  public void close() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }
}
