package sohoa.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javax.sql.DataSource;
import sohoa.catalog.RegisterEntry.Status;
import sohoa.core.document.ContentHash;
import sohoa.core.document.CopyId;
import sohoa.core.document.DocumentId;
import sohoa.core.error.ConfigurationError;
import sohoa.core.error.StorageFailure;

/**
 * The certification register (sổ chứng thực) in the catalog. A number is taken in one short
 * transaction that holds the lock of the office's row for the year, so processes on any machines
 * sharing a PostgreSQL catalog get consecutive numbers and never the same one; the entry is
 * committed as RESERVED before any work on the copy starts, so a number can never be lost, only
 * left RESERVED by a process that died — which {@code CertificationService} finishes or voids.
 */
public final class CertificationRegister {
  /** SQLSTATE of a unique or primary key violation, in both H2 and PostgreSQL. */
  private static final String DUPLICATE = "23505";
  private static final String NUMBER = "office = ? AND seq_year = ? AND entry_number = ?";

  private final DataSource dataSource;
  private final RegisterRows rows;

  CertificationRegister(DataSource dataSource) {
    this.dataSource = dataSource;
    this.rows = new RegisterRows(dataSource);
  }

  /**
   * The certification office this deployment numbers copies for: one register, whichever door
   * (API, console, CLI) a copy is issued through. The first command to ask records the office
   * it names (or {@code local}); a later one naming another is refused: a second office is a
   * second deployment, with its own data folder or catalog.
   *
   * @param asked the office a command was given, if any
   * @throws ConfigurationError when {@code asked} is not the recorded office
   */
  public String office(Optional<String> asked) throws StorageFailure, ConfigurationError {
    Optional<String> recorded = recordedOffice();
    if (recorded.isEmpty()) {
      try {
        Sql.update(dataSource, "record the deployment's office", "INSERT INTO deployment_office"
            + " (id, office) VALUES (1, ?)", asked.orElse("local"));
      } catch (StorageFailure raced) {
        // Another process recorded one first: that one stands.
      }
      recorded = recordedOffice();
    }
    String office = recorded.orElseThrow(() -> new StorageFailure("the deployment's office"
        + " could not be recorded", "check that the catalog database is writable", null));
    if (asked.isPresent() && !asked.get().equals(office)) {
      throw new ConfigurationError("this deployment numbers certified copies in the register of"
          + " office '" + office + "', not '" + asked.get() + "'", "leave --office out, or give"
          + " '" + office + "'; a second office is a second deployment, with its own data folder"
          + " or catalog");
    }
    return office;
  }

  private Optional<String> recordedOffice() throws StorageFailure {
    return Sql.query(dataSource, "read the deployment's office", "SELECT office FROM"
        + " deployment_office WHERE id = 1", r -> r.getString(1)).stream().findFirst();
  }

  /**
   * Takes the next number of {@code book}'s office and year for the copy {@code copyId}, recorded
   * in {@code book}, committed as RESERVED by {@code holder} before this returns.
   */
  public RegisterEntry reserve(RegisterBook book, CopyId copyId, DocumentId original,
      String officer, String officerTitle, String agency, String holder, Instant at)
      throws StorageFailure {
    try (Connection c = dataSource.getConnection()) {
      openYear(c, book);
      c.setAutoCommit(false);
      try {
        int number;
        try (PreparedStatement s = c.prepareStatement("SELECT next_number FROM "
            + "register_sequences WHERE office = ? AND seq_year = ? FOR UPDATE")) {
          s.setString(1, book.office());
          s.setInt(2, book.year());
          try (ResultSet r = s.executeQuery()) {
            r.next();
            number = r.getInt(1);
          }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO register_entries (office, "
            + "seq_year, entry_number, book, copy_id, original_id, status, officer, "
            + "officer_title, agency, holder, reserved_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, 'RESERVED', ?, ?, ?, ?, ?)")) {
          s.setString(1, book.office());
          s.setInt(2, book.year());
          s.setInt(3, number);
          s.setString(4, book.code());
          s.setString(5, copyId.value());
          s.setString(6, original.value());
          s.setString(7, officer);
          s.setString(8, officerTitle);
          s.setString(9, agency);
          s.setString(10, holder);
          s.setTimestamp(11, Timestamp.from(at));
          s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE register_sequences SET "
            + "next_number = next_number + 1 WHERE office = ? AND seq_year = ?")) {
          s.setString(1, book.office());
          s.setInt(2, book.year());
          s.executeUpdate();
        }
        c.commit();
        return new RegisterEntry(book, number, copyId, original, Status.RESERVED, officer,
            officerTitle, agency, holder, at, Optional.empty(), OptionalInt.empty(),
            Optional.empty(), Optional.empty(), Optional.empty());
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw RegisterRows.failure("take a number in book " + book.label(), e);
    }
  }

  /**
   * Puts back an issued entry read from its copy's manifest ({@code sohoa catalog rebuild}); the
   * office's year then goes on after the highest number put back.
   *
   * @return false when the register has that number already
   */
  public boolean restore(RegisterEntry issued) throws StorageFailure {
    if (issued.status() != Status.ISSUED) {
      throw new IllegalArgumentException("only issued entries are kept in the store");
    }
    RegisterBook book = issued.book();
    try (Connection c = dataSource.getConnection()) {
      openYear(c, book);
      c.setAutoCommit(false);
      try (PreparedStatement lock = c.prepareStatement("SELECT next_number FROM "
              + "register_sequences WHERE office = ? AND seq_year = ? FOR UPDATE");
          PreparedStatement insert = c.prepareStatement("INSERT INTO register_entries (office,"
              + " seq_year, entry_number, book, copy_id, original_id, status, officer,"
              + " officer_title, agency, holder, reserved_at, finished_at, page_count,"
              + " object_key, sha256) VALUES (?, ?, ?, ?, ?, ?, 'ISSUED', ?, ?, ?, ?, ?, ?, ?, ?,"
              + " ?)");
          PreparedStatement advance = c.prepareStatement("UPDATE register_sequences SET"
              + " next_number = ? WHERE office = ? AND seq_year = ? AND next_number <= ?")) {
        lock.setString(1, book.office());
        lock.setInt(2, book.year());
        lock.executeQuery().close();
        Object[] values = {book.office(), book.year(), issued.number(), book.code(),
            issued.copyId().value(), issued.originalId().value(), issued.officer(),
            issued.officerTitle(), issued.agency(), issued.holder(),
            Timestamp.from(issued.reservedAt()),
            Timestamp.from(issued.finishedAt().orElse(issued.reservedAt())),
            issued.pageCount().orElse(0), issued.objectKey().orElseThrow(),
            issued.sha256().orElseThrow().hex()};
        for (int i = 0; i < values.length; i++) {
          insert.setObject(i + 1, values[i]);
        }
        insert.executeUpdate();
        advance.setInt(1, issued.number() + 1);
        advance.setString(2, book.office());
        advance.setInt(3, book.year());
        advance.setInt(4, issued.number());
        advance.executeUpdate();
        c.commit();
        return true;
      } catch (SQLException e) {
        c.rollback();
        if (DUPLICATE.equals(e.getSQLState())) {
          return false;
        }
        throw e;
      }
    } catch (SQLException e) {
      throw RegisterRows.failure("put back number " + issued.number() + " of " + book.label(), e);
    }
  }

  /** Starts the office's year at number 1 unless it has started; a racing starter's is as good. */
  private static void openYear(Connection c, RegisterBook book) throws SQLException {
    if (!Sql.query(c, "SELECT 1 FROM register_sequences WHERE office = ? AND seq_year = ?",
        r -> 1, book.office(), book.year()).isEmpty()) {
      return;
    }
    try {
      Sql.update(c, "INSERT INTO register_sequences (office, seq_year, next_number)"
          + " VALUES (?, ?, 1)", book.office(), book.year());
    } catch (SQLException e) {
      if (!DUPLICATE.equals(e.getSQLState())) {
        throw e;
      }
    }
  }


  /**
   * Binds a reserved number to its stored, signed copy.
   *
   * @throws StorageFailure when the number is no longer reserved (voided meanwhile as abandoned)
   */
  public RegisterEntry issue(RegisterEntry reserved, int pageCount, String objectKey,
      ContentHash sha256, Instant at) throws StorageFailure {
    finish(reserved, "status = 'ISSUED', finished_at = ?, page_count = ?, object_key = ?, "
        + "sha256 = ?", Timestamp.from(at), pageCount, objectKey, sha256.hex());
    return new RegisterEntry(reserved.book(), reserved.number(), reserved.copyId(),
        reserved.originalId(), Status.ISSUED, reserved.officer(), reserved.officerTitle(),
        reserved.agency(), reserved.holder(), reserved.reservedAt(), Optional.of(at),
        OptionalInt.of(pageCount), Optional.of(objectKey), Optional.of(sha256), Optional.empty());
  }

  /** Voids a reserved number, keeping it in the book with {@code reason}. */
  public RegisterEntry voidEntry(RegisterEntry reserved, String reason, Instant at)
      throws StorageFailure {
    finish(reserved, "status = 'VOIDED', finished_at = ?, void_reason = ?", Timestamp.from(at),
        reason);
    return new RegisterEntry(reserved.book(), reserved.number(), reserved.copyId(),
        reserved.originalId(), Status.VOIDED, reserved.officer(), reserved.officerTitle(),
        reserved.agency(), reserved.holder(), reserved.reservedAt(), Optional.of(at),
        OptionalInt.empty(), Optional.empty(), Optional.empty(), Optional.of(reason));
  }

  /** Moves a RESERVED entry on; only one of its finishers (owner or recoverer) can. */
  private void finish(RegisterEntry reserved, String assignments, Object... values)
      throws StorageFailure {
    String what = "close number " + reserved.number() + " of book " + reserved.book().label();
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("UPDATE register_entries SET " + assignments
            + " WHERE " + NUMBER + " AND status = 'RESERVED'")) {
      int i = 1;
      for (Object value : values) {
        s.setObject(i++, value);
      }
      s.setString(i++, reserved.book().office());
      s.setInt(i++, reserved.book().year());
      s.setInt(i, reserved.number());
      if (s.executeUpdate() != 1) {
        throw new StorageFailure("cannot " + what + ": it is no longer reserved (another process"
            + " found it abandoned and closed it)", "issue the copy again: it gets a new number",
            null);
      }
    } catch (SQLException e) {
      throw RegisterRows.failure(what, e);
    }
  }

  /** Every entry of {@code book}, by number: the register as the paper book shows it. */
  public List<RegisterEntry> entries(RegisterBook book) throws StorageFailure {
    return rows.select("read book " + book.label(), "office = ? AND seq_year = ? AND book = ?"
        + " ORDER BY entry_number", book.office(), book.year(), book.code());
  }

  /** Every entry of an office's year, whatever the book, by number. */
  public List<RegisterEntry> entries(String office, int year) throws StorageFailure {
    return rows.select("read the register of " + office + " for " + year,
        "office = ? AND seq_year = ? ORDER BY entry_number", office, year);
  }

  /** Every entry still RESERVED, in any book: the numbers some process is working on. */
  public List<RegisterEntry> reserved() throws StorageFailure {
    return rows.select("read the reserved numbers",
        "status = 'RESERVED' ORDER BY office, seq_year, entry_number");
  }

  /** Every issued copy, in any book, by copy id: what a fixity audit checks. */
  public List<RegisterEntry> issued() throws StorageFailure {
    return rows.select("read the issued copies", "status = 'ISSUED' ORDER BY copy_id");
  }

  /** The entry of the copy {@code id}. */
  public Optional<RegisterEntry> byCopy(CopyId id) throws StorageFailure {
    return rows.select("look up copy " + id, "copy_id = ?", id.value()).stream()
        .findFirst();
  }

  /** The entry numbered {@code number} in the year of {@code office}. */
  public Optional<RegisterEntry> byNumber(String office, int year, int number)
      throws StorageFailure {
    return rows.select("look up number " + number + " of " + office + " for " + year,
        NUMBER, office, year, number).stream().findFirst();
  }

  /** Every certification of one original, oldest first. */
  public List<RegisterEntry> ofOriginal(DocumentId original) throws StorageFailure {
    return rows.select("look up the copies of " + original,
        "original_id = ? ORDER BY reserved_at, office, seq_year, entry_number", original.value());
  }
}
