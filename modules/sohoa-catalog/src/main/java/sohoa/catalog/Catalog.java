package sohoa.catalog;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import sohoa.core.error.StorageFailure;

/**
 * The catalog over JDBC, in parts that share one connection pool: the documents and their
 * search, jobs, claims, the certification register, the audit log, and who may act (officers,
 * API keys, console sessions). Opening it brings the schema up to date with Flyway. Thread-safe:
 * every call takes its own connection from the pool.
 */
public final class Catalog implements AutoCloseable {
  private final ConnectionPool pool;

  private Catalog(ConnectionPool pool) {
    this.pool = pool;
  }

  /** The embedded default: an H2 database file in {@code folder}. */
  public static Catalog embedded(Path folder) throws StorageFailure {
    return CatalogAddress.embedded(folder).open();
  }

  /**
   * Opens the catalog at a JDBC URL, H2 ({@code jdbc:h2:...}) or PostgreSQL
   * ({@code jdbc:postgresql://host:5432/db?user=sohoa}), and migrates its schema.
   */
  public static Catalog open(String jdbcUrl) throws StorageFailure {
    return open(jdbcUrl, Optional.empty());
  }

  /**
   * As {@link #open(String)}, with the database password (read by the caller from an environment
   * variable or a file: it is never part of the URL that messages show).
   */
  public static Catalog open(String jdbcUrl, Optional<String> password) throws StorageFailure {
    return new Catalog(ConnectionPool.open(jdbcUrl, password));
  }

  /** The catalogued documents: recorded, looked up, walked. */
  public Documents documents() {
    return new Documents(pool.source());
  }

  /** Search over the documents' text and fields. */
  public DocumentSearch search() {
    return new DocumentSearch(pool.source());
  }

  /** The jobs (batches, uploads, watched folders, campaigns) and what became of each input. */
  public Jobs jobs() {
    return new Jobs(pool.source());
  }

  /** Who is digitising which original, and since when. */
  public Claims claims() {
    return new Claims(pool.source());
  }

  /** The tamper-evident audit log kept in this catalog: its chain, checked and read. */
  public AuditLog auditLog() {
    return new AuditLog(pool.source());
  }

  /** The one way to write to the audit log, each entry stamped with {@code clock}'s time. */
  public AuditTrail auditTrail(Clock clock) {
    return new AuditTrail(auditLog(), clock);
  }

  /** The officers who sign certified copies and use the console, with their lockout rules. */
  public OfficerAccounts officers() {
    return new OfficerAccounts(pool.source());
  }

  /** The console's sessions. */
  public ConsoleSessions sessions() {
    return new ConsoleSessions(pool.source());
  }

  /** The officers' corrections of recognised text, versioned. */
  public Corrections corrections() {
    return new Corrections(pool.source());
  }

  /** The HTTP API's keys kept in this catalog. */
  public ApiKeys apiKeys() {
    return new ApiKeys(pool.source());
  }

  /** The indicators a province reports (chỉ tiêu chuyển đổi số), counted from this catalog. */
  public Indicators indicators() {
    return new Indicators(pool.source());
  }

  /** The certification register (sổ chứng thực) kept in this catalog. */
  public CertificationRegister register() {
    return new CertificationRegister(pool.source());
  }

  @Override
  public void close() {
    pool.close();
  }
}
