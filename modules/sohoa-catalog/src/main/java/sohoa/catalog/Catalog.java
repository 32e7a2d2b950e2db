package sohoa.catalog;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcConnectionPool;
import sohoa.core.document.ContentHash;
import sohoa.core.document.DocumentId;
import sohoa.core.error.StorageFailure;
import sohoa.core.text.Box;
import sohoa.core.text.Folding;
import sohoa.core.text.TextOrigin;

/**
 * The catalog over JDBC. Opening it brings the schema up to date with Flyway. Thread-safe: every
 * call takes its own connection from the pool, and a document is recorded in one transaction, so
 * a crash leaves it either fully catalogued or absent.
 */
public final class Catalog implements AutoCloseable {
  /** The highest migration under db/; a test keeps the two in step. */
  static final int SCHEMA_VERSION = 15;

  private final DataSource dataSource;
  private final AutoCloseable pool;
  private final String url;

  private Catalog(DataSource dataSource, AutoCloseable pool, String url) {
    this.dataSource = dataSource;
    this.pool = pool;
    this.url = url;
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
        return new Catalog(source, pool, jdbcUrl);
      }
      // Migrations for both databases, then those only one of them can run (the audit log's
      // append-only trigger is PL/pgSQL on PostgreSQL, a Java class on H2).
      Flyway.configure().dataSource(source)
          .locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
          .loggers("slf4j").load().migrate();
    } catch (FlywayException e) {
      close(pool);
      throw new StorageFailure("the catalog at " + redacted(jdbcUrl) + " cannot be opened or"
          + " migrated: " + e.getMessage(), "check that this sohoa is not older than the"
          + " one that last opened the catalog (its migrations are not known here), or restore"
          + " the catalog folder from backup", e);
    }
    return new Catalog(source, pool, jdbcUrl);
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

  /** The URL without its parameters, where a password could have been put against advice. */
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

  private static void close(AutoCloseable pool) {
    try {
      pool.close();
    } catch (Exception e) {
      // Already failing with the migration's reason; the pool's own close failure adds nothing.
    }
  }

  /** Who is digitising which original, and since when. */
  public Claims claims() {
    return new Claims(dataSource);
  }

  /** The tamper-evident audit log kept in this catalog. */
  public AuditLog auditLog() {
    return new AuditLog(dataSource);
  }

  /** The HTTP API's keys kept in this catalog. */
  public OfficerAccounts officers() {
    return new OfficerAccounts(dataSource);
  }

  public ConsoleSessions sessions() {
    return new ConsoleSessions(dataSource);
  }

  public Corrections corrections() {
    return new Corrections(dataSource);
  }

  public ApiKeys apiKeys() {
    return new ApiKeys(dataSource);
  }

  /** The indicators a province reports (chỉ tiêu chuyển đổi số), counted from this catalog. */
  public Indicators indicators() {
    return new Indicators(dataSource);
  }

  /** The certification register (sổ chứng thực) kept in this catalog. */
  public CertificationRegister register() {
    return new CertificationRegister(dataSource);
  }

  /** The document made from the original with this hash, if it is catalogued. */
  public Optional<DocumentRecord> findByOriginal(ContentHash original) throws StorageFailure {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(
            "SELECT id, source_name, media_type, page_count, mean_confidence, full_text, "
                + "manifest_sha256, created_at, kind FROM documents WHERE original_sha256 = ?")) {
      s.setString(1, original.hex());
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        DocumentId id = new DocumentId(r.getString(1));
        return Optional.of(new DocumentRecord(id, original, r.getString(2), r.getString(3),
            r.getInt(4), r.getFloat(5), r.getString(6), new ContentHash(r.getString(7)),
            r.getTimestamp(8).toInstant(), artifacts(c, id), pages(c, id), r.getString(9),
            fields(c, id), file(c, id)));
      }
    } catch (SQLException e) {
      throw failure("look up a document", e);
    }
  }

  /**
   * The page count of the document made from this original, if it is catalogued: what a reuse
   * check needs, without reading the document's text, artifacts and pages.
   */
  public OptionalInt pageCountOf(ContentHash original) throws StorageFailure {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(
            "SELECT page_count FROM documents WHERE original_sha256 = ?")) {
      s.setString(1, original.hex());
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? OptionalInt.of(r.getInt(1)) : OptionalInt.empty();
      }
    } catch (SQLException e) {
      throw failure("look up a document", e);
    }
  }

  /**
   * Records a document with its artifacts and pages in one transaction. Recording a document that
   * is already there (another worker finished it first) changes nothing.
   */
  public void record(DocumentRecord d) throws StorageFailure {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        if (exists(c, d.id())) {
          c.rollback();
          return;
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO documents (id, original_sha256, "
            + "source_name, media_type, page_count, mean_confidence, full_text, manifest_sha256, "
            + "created_at, kind, folded_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          s.setString(1, d.id().value());
          s.setString(2, d.original().hex());
          s.setString(3, d.sourceName());
          s.setString(4, d.mediaType());
          s.setInt(5, d.pageCount());
          s.setFloat(6, d.meanConfidence());
          s.setString(7, d.fullText());
          s.setString(8, d.manifest().hex());
          s.setTimestamp(9, Timestamp.from(d.createdAt()));
          s.setString(10, d.kind());
          s.setString(11, Folding.fold(d.fullText()));
          s.executeUpdate();
        }
        insertFields(c, d);
        if (d.file().isPresent()) {
          insertFile(c, d.id(), d.file().get());
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO artifacts (document_id, kind, "
            + "object_key, sha256, size_bytes) VALUES (?, ?, ?, ?, ?)")) {
          for (ArtifactRecord a : d.artifacts()) {
            s.setString(1, d.id().value());
            s.setString(2, a.kind());
            s.setString(3, a.objectKey());
            s.setString(4, a.sha256().hex());
            s.setLong(5, a.size());
            s.addBatch();
          }
          s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO pages (document_id, page_number, "
            + "text_origin, word_count, mean_confidence, needs_review) VALUES (?, ?, ?, ?, ?, ?)")) {
          for (PageRecord p : d.pages()) {
            s.setString(1, d.id().value());
            s.setInt(2, p.number());
            s.setString(3, p.origin().name());
            s.setInt(4, p.wordCount());
            s.setFloat(5, p.meanConfidence());
            s.setBoolean(6, p.needsReview());
            s.addBatch();
          }
          s.executeBatch();
        }
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        if (exists(c, d.id())) {
          return; // another worker recorded it between our check and our insert
        }
        throw e;
      }
    } catch (SQLException e) {
      throw failure("record document " + d.id(), e);
    }
  }

  private static void insertFields(Connection c, DocumentRecord d) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO fields (document_id, field_name, field_value, "
        + "folded, confidence, page_number, box_left, box_top, box_right, box_bottom) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (FieldRecord f : d.fields()) {
        s.setString(1, d.id().value());
        s.setString(2, f.name());
        s.setString(3, f.value());
        s.setString(4, Folding.fold(f.value()));
        s.setFloat(5, (float) f.confidence());
        s.setInt(6, f.page());
        Integer[] box = f.box().map(b -> new Integer[] {b.left(), b.top(), b.right(), b.bottom()})
            .orElse(new Integer[4]);
        for (int i = 0; i < 4; i++) {
          if (box[i] == null) {
            s.setNull(7 + i, Types.INTEGER);
          } else {
            s.setInt(7 + i, box[i]);
          }
        }
        s.addBatch();
      }
      s.executeBatch();
    }
  }

  private static void insertFile(Connection c, DocumentId id, FileRecord f) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO file_metadata (document_id, title, "
        + "author, creator_tool, producer, file_created, file_modified, page_count, has_xmp, "
        + "problem) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, id.value());
      s.setString(2, f.title().orElse(null));
      s.setString(3, f.author().orElse(null));
      s.setString(4, f.creatorTool().orElse(null));
      s.setString(5, f.producer().orElse(null));
      s.setTimestamp(6, f.created().map(Timestamp::from).orElse(null));
      s.setTimestamp(7, f.modified().map(Timestamp::from).orElse(null));
      if (f.pageCount().isPresent()) {
        s.setInt(8, f.pageCount().getAsInt());
      } else {
        s.setNull(8, Types.INTEGER);
      }
      s.setBoolean(9, f.xmp());
      s.setString(10, f.problem().orElse(null));
      s.executeUpdate();
    }
  }

  private static Optional<FileRecord> file(Connection c, DocumentId id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT title, author, creator_tool, producer, "
        + "file_created, file_modified, page_count, has_xmp, problem FROM file_metadata "
        + "WHERE document_id = ?")) {
      s.setString(1, id.value());
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        int pages = r.getInt(7);
        OptionalInt pageCount = r.wasNull() ? OptionalInt.empty() : OptionalInt.of(pages);
        return Optional.of(new FileRecord(Optional.ofNullable(r.getString(1)),
            Optional.ofNullable(r.getString(2)), Optional.ofNullable(r.getString(3)),
            Optional.ofNullable(r.getString(4)), instant(r.getTimestamp(5)),
            instant(r.getTimestamp(6)), pageCount, r.getBoolean(8),
            Optional.ofNullable(r.getString(9))));
      }
    }
  }

  private static Optional<Instant> instant(Timestamp timestamp) {
    return Optional.ofNullable(timestamp).map(Timestamp::toInstant);
  }

  private static List<FieldRecord> fields(Connection c, DocumentId id) throws SQLException {
    List<FieldRecord> fields = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("SELECT field_name, field_value, confidence, page_number, "
        + "box_left, box_top, box_right, box_bottom FROM fields WHERE document_id = ? "
        + "ORDER BY field_name")) {
      s.setString(1, id.value());
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          int left = r.getInt(5);
          Optional<Box> box = r.wasNull() ? Optional.empty()
              : Optional.of(new Box(left, r.getInt(6), r.getInt(7), r.getInt(8)));
          fields.add(new FieldRecord(r.getString(1), r.getString(2), r.getFloat(3), r.getInt(4),
              box));
        }
      }
    }
    return fields;
  }

  /** The document's name, type, artifacts and agency, if it is catalogued: a light read. */
  public Optional<StoredDocument> stored(DocumentId id) throws StorageFailure {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT d.source_name, d.media_type,"
            + " d.page_count, (SELECT f.field_value FROM fields f WHERE f.document_id = d.id"
            + " AND f.field_name = 'agency') FROM documents d WHERE d.id = ?")) {
      s.setString(1, id.value());
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        return Optional.of(new StoredDocument(id, r.getString(1), r.getString(2), r.getInt(3),
            artifacts(c, id), Optional.ofNullable(r.getString(4))));
      }
    } catch (SQLException e) {
      throw failure("look up document " + id, e);
    }
  }

  /**
   * The agency that issued document {@code id}, as its fields say: what scoping checks. Empty
   * when the document names none, or is not catalogued.
   */
  public Optional<String> agencyOf(DocumentId id) throws StorageFailure {
    return Sql.query(dataSource, "look up the agency of document " + id, "SELECT field_value"
        + " FROM fields WHERE document_id = ? AND field_name = 'agency'", r -> r.getString(1),
        id.value()).stream().findFirst();
  }

  public Optional<DocumentRecord> find(DocumentId id) throws StorageFailure {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(
            "SELECT original_sha256 FROM documents WHERE id = ?")) {
      s.setString(1, id.value());
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        return findByOriginal(new ContentHash(r.getString(1)));
      }
    } catch (SQLException e) {
      throw failure("look up document " + id, e);
    }
  }

  /**
   * How many documents match {@code query} in all (its page and size aside): what a caller needs
   * to say "page 2 of 7".
   */
  public int count(SearchQuery query) throws StorageFailure {
    List<Object> values = new ArrayList<>();
    String sql = "SELECT COUNT(*) FROM documents d" + matching(query, values);
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.size(); i++) {
        s.setObject(i + 1, values.get(i));
      }
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getInt(1);
      }
    } catch (SQLException e) {
      throw failure("count search results", e);
    }
  }

  /** The WHERE clause of {@code query}, its parameters added to {@code values}. */
  private static String matching(SearchQuery query, List<Object> values) {
    StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
    for (String word : Folding.fold(query.text()).split("\\s+")) {
      if (!word.isEmpty()) {
        sql.append(" AND (d.folded_text LIKE ? ESCAPE '!' OR EXISTS (SELECT 1 FROM fields f "
            + "WHERE f.document_id = d.id AND f.folded LIKE ? ESCAPE '!'))");
        values.add(like(word));
        values.add(like(word));
      }
    }
    query.fields().forEach((name, value) -> {
      sql.append(" AND EXISTS (SELECT 1 FROM fields f WHERE f.document_id = d.id AND f.field_name = ? "
          + "AND f.folded LIKE ? ESCAPE '!')");
      values.add(name);
      values.add(like(Folding.fold(value.strip())));
    });
    query.from().ifPresent(from -> {
      sql.append(" AND EXISTS (SELECT 1 FROM fields f WHERE f.document_id = d.id "
          + "AND f.field_name = 'date' AND f.field_value >= ?)");
      values.add(from.toString());
    });
    query.to().ifPresent(to -> {
      sql.append(" AND EXISTS (SELECT 1 FROM fields f WHERE f.document_id = d.id "
          + "AND f.field_name = 'date' AND f.field_value <= ?)");
      values.add(to.toString());
    });
    // The same rule as AgencyScope.covers: the document's folded agency contains the scope's.
    query.scope().ifPresent(scope -> {
      sql.append(" AND EXISTS (SELECT 1 FROM fields f WHERE f.document_id = d.id"
          + " AND f.field_name = 'agency' AND f.folded LIKE ? ESCAPE '!')");
      values.add(like(Folding.fold(scope)));
    });
    return sql.toString();
  }

  /**
   * Documents matching {@code query}, oldest first (a stable order for paging). Words and field
   * values are folded before matching, so marks and case do not matter.
   */
  public List<SearchHit> search(SearchQuery query) throws StorageFailure {
    List<Object> values = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT d.id, d.source_name, d.kind, d.page_count, "
        + "d.created_at FROM documents d").append(matching(query, values));
    sql.append(" ORDER BY d.created_at, d.id LIMIT ? OFFSET ?");
    values.add(query.size());
    values.add((query.page() - 1) * query.size());
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql.toString())) {
      for (int i = 0; i < values.size(); i++) {
        s.setObject(i + 1, values.get(i));
      }
      List<SearchHit> hits = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          DocumentId id = new DocumentId(r.getString(1));
          Map<String, String> fields = new LinkedHashMap<>();
          for (FieldRecord f : fields(c, id)) {
            fields.put(f.name(), f.value());
          }
          hits.add(new SearchHit(id, r.getString(2), r.getString(3), r.getInt(4),
              r.getTimestamp(5).toInstant(), fields));
        }
      }
      return hits;
    } catch (SQLException e) {
      throw failure("search the catalog", e);
    }
  }

  /** A LIKE pattern for "contains", with the pattern characters in {@code text} escaped. */
  private static String like(String text) {
    return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
  }

  /** How many documents are catalogued. */
  public int countDocuments() throws StorageFailure {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM documents");
        ResultSet r = s.executeQuery()) {
      r.next();
      return r.getInt(1);
    } catch (SQLException e) {
      throw failure("count documents", e);
    }
  }

  /** The jobs (batches, uploads, watched folders, campaigns) and what became of each input. */
  public Jobs jobs() {
    return new Jobs(dataSource);
  }

  /**
   * Up to {@code limit} catalogued documents in id order, after {@code after} and made at or after
   * {@code since}: a walk over millions of documents that holds one page at a time and can resume
   * from the last id it saw.
   */
  public List<DocumentId> documentIds(Optional<DocumentId> after, Optional<Instant> since,
      int limit) throws StorageFailure {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT id FROM documents WHERE id > ?"
            + " AND created_at >= ? ORDER BY id LIMIT ?")) {
      s.setString(1, after.map(DocumentId::value).orElse(""));
      s.setTimestamp(2, Timestamp.from(since.orElse(Instant.EPOCH)));
      s.setInt(3, limit);
      return ids(s);
    } catch (SQLException e) {
      throw failure("list documents", e);
    }
  }

  /** {@code count} catalogued documents drawn at random, in id order. */
  public List<DocumentId> sampleDocumentIds(int count) throws StorageFailure {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT id FROM (SELECT id FROM documents"
            + " ORDER BY RANDOM() LIMIT ?) sample ORDER BY id")) {
      s.setInt(1, count);
      return ids(s);
    } catch (SQLException e) {
      throw failure("draw a sample of documents", e);
    }
  }

  private static List<DocumentId> ids(PreparedStatement s) throws SQLException {
    List<DocumentId> ids = new ArrayList<>();
    try (ResultSet r = s.executeQuery()) {
      while (r.next()) {
        ids.add(new DocumentId(r.getString(1)));
      }
    }
    return ids;
  }

  /**
   * Whether a catalog row (a document's artifact or a certified copy) names the object {@code
   * key}: an object no row names is an orphan.
   */
  public boolean knowsObject(String key) throws StorageFailure {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT 1 FROM artifacts WHERE object_key = ?"
            + " UNION ALL SELECT 1 FROM register_entries WHERE object_key = ?"
            + " UNION ALL SELECT 1 FROM corrections WHERE object_key = ?")) {
      s.setString(1, key);
      s.setString(2, key);
      s.setString(3, key);
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    } catch (SQLException e) {
      throw failure("look up the object " + key, e);
    }
  }

  private void update(String what, String sql, Object... values) throws StorageFailure {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        if (values[i] == null) {
          s.setNull(i + 1, Types.VARCHAR);
        } else {
          s.setObject(i + 1, values[i]);
        }
      }
      s.executeUpdate();
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  private static boolean exists(Connection c, DocumentId id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM documents WHERE id = ?")) {
      s.setString(1, id.value());
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    }
  }

  private static List<ArtifactRecord> artifacts(Connection c, DocumentId id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT kind, object_key, sha256, size_bytes "
        + "FROM artifacts WHERE document_id = ? ORDER BY kind")) {
      s.setString(1, id.value());
      List<ArtifactRecord> list = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          list.add(new ArtifactRecord(r.getString(1), r.getString(2),
              new ContentHash(r.getString(3)), r.getLong(4)));
        }
      }
      return list;
    }
  }

  private static List<PageRecord> pages(Connection c, DocumentId id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT page_number, text_origin, word_count, "
        + "mean_confidence, needs_review FROM pages WHERE document_id = ? ORDER BY page_number")) {
      s.setString(1, id.value());
      List<PageRecord> list = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          list.add(new PageRecord(r.getInt(1), TextOrigin.valueOf(r.getString(2)), r.getInt(3),
              r.getFloat(4), r.getBoolean(5)));
        }
      }
      return list;
    }
  }

  private StorageFailure failure(String what, SQLException e) {
    return new StorageFailure("the catalog could not " + what + ": " + e.getMessage(),
        "check that the catalog (" + url.replaceAll(";.*", "") + ") is reachable and not full",
        e);
  }

  @Override
  public void close() {
    try {
      pool.close();
    } catch (Exception e) {
      throw new IllegalStateException("closing the catalog failed", e);
    }
  }
}
