package sohoa.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import sohoa.core.document.ContentHash;
import sohoa.core.error.StorageFailure;

/**
 * The tamper-evident audit log in the catalog: a hash chain, appended one entry at a time under
 * the lock of its head row.
 */
public final class AuditLog {
  private final DataSource dataSource;

  AuditLog(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * An event to append: who did what to which document, when. Texts longer than their columns
   * are cut (with a mark), so that no caller's input can make an entry, or the entries committed
   * with it, fail.
   */
  public record Event(String actor, String action, String subject,
      Optional<ContentHash> document, String detail, Instant when) {
    public Event {
      Objects.requireNonNull(document, "document");
      Objects.requireNonNull(when, "when");
      actor = cut(Objects.requireNonNull(actor, "actor"), 256);
      action = cut(Objects.requireNonNull(action, "action"), 32);
      subject = cut(Objects.requireNonNull(subject, "subject"), 256);
      detail = cut(Objects.requireNonNull(detail, "detail"), 4096);
    }

    private static String cut(String text, int columns) {
      return text.length() <= columns ? text : text.substring(0, columns - 1) + "…";
    }
  }

  /**
   * Appends events in one transaction, in order (a group commit: a server appends what its
   * requests logged at the same moment together, under one lock of the head).
   */
  List<AuditEntry> appendAll(List<Event> events) throws StorageFailure {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        long seq;
        ContentHash previous;
        try (PreparedStatement s = c.prepareStatement(
            "SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE");
            ResultSet r = s.executeQuery()) {
          r.next();
          seq = r.getLong(1);
          previous = new ContentHash(r.getString(2));
        }
        List<AuditEntry> entries = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("INSERT INTO audit_log (seq, at, actor,"
            + " action, subject, document_sha256, detail, previous_hash, entry_hash)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
          for (Event e : events) {
            seq++;
            // Microseconds: what both H2 and PostgreSQL keep, so the hash reads back the same.
            Instant at = e.when().truncatedTo(ChronoUnit.MICROS);
            ContentHash hash = AuditEntry.hash(seq, at, e.actor(), e.action(), e.subject(),
                e.document(), e.detail(), previous);
            s.setLong(1, seq);
            s.setTimestamp(2, Timestamp.from(at));
            s.setString(3, e.actor());
            s.setString(4, e.action());
            s.setString(5, e.subject());
            s.setString(6, e.document().map(ContentHash::hex).orElse(null));
            s.setString(7, e.detail());
            s.setString(8, previous.hex());
            s.setString(9, hash.hex());
            s.addBatch();
            entries.add(new AuditEntry(seq, at, e.actor(), e.action(), e.subject(),
                e.document(), e.detail(), previous, hash));
            previous = hash;
          }
          s.executeBatch();
        }
        try (PreparedStatement s = c.prepareStatement(
            "UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
          s.setLong(1, seq);
          s.setString(2, previous.hex());
          s.executeUpdate();
        }
        c.commit();
        return entries;
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StorageFailure("cannot write the audit log: " + e.getMessage(),
          "check that the catalog database is reachable; the action was not done", e);
    }
  }

  /** Entries from {@code from} to {@code to} (inclusive, by time), in order. */
  public List<AuditEntry> entries(Instant from, Instant to) throws StorageFailure {
    List<AuditEntry> entries = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT seq, at, actor, action, subject,"
            + " document_sha256, detail, previous_hash, entry_hash FROM audit_log"
            + " WHERE at >= ? AND at <= ? ORDER BY seq")) {
      s.setTimestamp(1, Timestamp.from(from));
      s.setTimestamp(2, Timestamp.from(to));
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          entries.add(entry(r));
        }
      }
      return entries;
    } catch (SQLException e) {
      throw new StorageFailure("cannot read the audit log: " + e.getMessage(),
          "check that the catalog database is reachable", e);
    }
  }

  /**
   * Recomputes the chain from the first entry to the head.
   *
   * @return the first broken link, described (which entry, what is wrong); empty when whole
   */
  public Optional<String> verify() throws StorageFailure {
    ContentHash previous = new ContentHash("0".repeat(64));
    long expected = 1;
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT seq, at, actor, action, subject,"
            + " document_sha256, detail, previous_hash, entry_hash FROM audit_log ORDER BY seq");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        AuditEntry e = entry(r);
        if (e.seq() != expected) {
          return Optional.of("entry " + expected + " is missing (the next is " + e.seq() + ")");
        }
        if (!e.previousHash().equals(previous)) {
          return Optional.of("entry " + e.seq() + " does not follow entry " + (e.seq() - 1)
              + ": the chain was reordered or an entry before it was replaced");
        }
        ContentHash recomputed = AuditEntry.hash(e.seq(), e.at(), e.actor(), e.action(),
            e.subject(), e.documentSha256(), e.detail(), e.previousHash());
        if (!recomputed.equals(e.entryHash())) {
          return Optional.of("entry " + e.seq() + " (" + e.action() + " " + e.subject()
              + ") was changed after it was written");
        }
        previous = e.entryHash();
        expected++;
      }
      try (PreparedStatement h = c.prepareStatement(
          "SELECT last_seq, last_hash FROM audit_head WHERE id = 1");
          ResultSet head = h.executeQuery()) {
        head.next();
        if (head.getLong(1) != expected - 1 || !head.getString(2).equals(previous.hex())) {
          return Optional.of("the log ends at entry " + (expected - 1) + " but was written up"
              + " to entry " + head.getLong(1) + ": entries at its end were removed");
        }
      }
      return Optional.empty();
    } catch (SQLException e) {
      throw new StorageFailure("cannot read the audit log: " + e.getMessage(),
          "check that the catalog database is reachable", e);
    }
  }

  /**
   * Where the log stands: its last entry's number and hash (0 and zeros when empty), as the
   * catalog records it.
   */
  public Head head() throws StorageFailure {
    return Sql.query(dataSource, "read the audit log's head", "SELECT last_seq, last_hash FROM"
        + " audit_head WHERE id = 1", r -> new Head(r.getLong(1), new ContentHash(
            r.getString(2)))).stream().findFirst().orElse(new Head(0,
                new ContentHash("0".repeat(64))));
  }

  /** The hash of entry {@code seq}, if the log holds it. */
  public Optional<ContentHash> hashAt(long seq) throws StorageFailure {
    return Sql.query(dataSource, "read audit entry " + seq, "SELECT entry_hash FROM audit_log"
        + " WHERE seq = ?", r -> new ContentHash(r.getString(1)), seq).stream().findFirst();
  }

  /** The last entry of the log: its number and hash. */
  public record Head(long seq, ContentHash hash) {}

  private static AuditEntry entry(ResultSet r) throws SQLException {
    return new AuditEntry(r.getLong(1), r.getTimestamp(2).toInstant(), r.getString(3),
        r.getString(4), r.getString(5), Optional.ofNullable(r.getString(6))
            .map(ContentHash::new), r.getString(7), new ContentHash(r.getString(8)),
        new ContentHash(r.getString(9)));
  }
}
