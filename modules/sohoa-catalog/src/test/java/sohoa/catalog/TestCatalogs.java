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
      postgres = PostgresDatabase.copyOf(Migrated.TEMPLATE);
    }
    return Catalog.open(postgres.url());
  }

  /**
   * A PostgreSQL database with every migration applied, which each test's database is copied
   * from: a new database migrated by Flyway cost a test about 0.3 s more than H2. Made on first
   * use and dropped when the JVM exits. Opening a copy still runs Flyway, which finds nothing to
   * do (a test that undoes a migration sees it applied again).
   */
  private static final class Migrated {
    static final PostgresDatabase TEMPLATE = migrated();

    private static PostgresDatabase migrated() {
      try {
        PostgresDatabase template = PostgresDatabase.create();
        Catalog.open(template.url()).close();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            template.close();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }, "drop-template"));
        return template;
      } catch (Exception e) {
        throw new IllegalStateException("cannot make the migrated template database", e);
      }
    }
  }

  /** Runs SQL on the catalog's database behind sohoa's back, as a tamperer would. */
  /**
   * Runs {@code sql} as a database administrator would to tamper with the audit log: with the
   * append-only trigger out of the way first (disabled on PostgreSQL, dropped on H2).
   */
  void tamper(String sql) throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      if (database.equals(H2)) {
        s.execute("DROP TRIGGER IF EXISTS audit_log_append_only");
        s.execute(sql);
      } else {
        s.execute("ALTER TABLE audit_log DISABLE TRIGGER USER");
        s.execute(sql);
        s.execute("ALTER TABLE audit_log ENABLE TRIGGER USER");
      }
    }
  }

  /** Runs {@code sql} on the catalog's database as the application's user does. */
  void execute(String sql) throws Exception {
    try (Connection c = connect(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private Connection connect() throws Exception {
    String url = database.equals(H2) ? CatalogAddress.embedded(dir).jdbcUrl() : postgres.url();
    return database.equals(H2)
        ? DriverManager.getConnection(url, "sa", CatalogAddress.embeddedPassword(dir))
        : DriverManager.getConnection(url);
  }

  @Override
  public void close() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }
}
