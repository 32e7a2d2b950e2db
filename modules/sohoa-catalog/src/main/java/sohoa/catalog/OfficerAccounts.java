package sohoa.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import sohoa.core.error.ConfigurationError;
import sohoa.core.error.StorageFailure;

/**
 * The console's accounts. Passwords arrive here already hashed (bcrypt, by the console); the
 * catalog counts wrong passwords and wrong PINs, each apart, and after too many in a row locks
 * logins or signing for a while.
 */
public final class OfficerAccounts {
  /**
   * Wrong signing secrets in a row (a key's PIN or a keystore's password) that lock an officer's
   * signing: a PKCS#12 file, unlike a token, never locks itself. One rule for the console and
   * {@code sohoa certify}; {@code sohoa officers unlock} lifts it sooner.
   */
  public static final int SIGNING_TRIES = 5;
  /** How long {@link #SIGNING_TRIES} wrong signing secrets lock signing. */
  public static final Duration SIGNING_LOCK = Duration.ofMinutes(15);
  private static final String COLUMNS = "username, display_name, title, agency, role,"
      + " signing_key, failed_logins, locked_until, failed_pins, signing_locked_until,"
      + " created_at, disabled_at, certificate_subject, certificate_sha256";

  private final DataSource source;

  OfficerAccounts(DataSource source) {
    this.source = source;
  }

  /** Adds the account; false when the user name is taken. */
  public boolean create(OfficerAccount account, String passwordHash) throws StorageFailure {
    if (find(account.username()).isPresent()) {
      return false;
    }
    Sql.update(source, "add the officer " + account.username(), "INSERT INTO officers ("
        + COLUMNS + ", password_hash) VALUES (?, ?, ?, ?, ?, ?, 0, NULL, 0, NULL, ?, NULL, ?, ?,"
        + " ?)", account.username(), account.name(), account.title(), account.agency(),
        account.role().name(), account.signingKey(), account.createdAt(),
        account.certificate().map(CertificateBinding::subject),
        account.certificate().map(CertificateBinding::sha256), passwordHash);
    return true;
  }

  public Optional<OfficerAccount> find(String username) throws StorageFailure {
    return Sql.query(source, "look up the officer " + username, "SELECT " + COLUMNS
        + " FROM officers WHERE username = ?", OfficerAccounts::account, username).stream()
        .findFirst();
  }

  public List<OfficerAccount> list() throws StorageFailure {
    return Sql.query(source, "list the officers", "SELECT " + COLUMNS
        + " FROM officers ORDER BY username", OfficerAccounts::account);
  }

  /** The stored bcrypt hash of a live account's password. */
  public Optional<String> passwordHash(String username) throws StorageFailure {
    return Sql.query(source, "look up the officer " + username, "SELECT password_hash FROM"
        + " officers WHERE username = ? AND disabled_at IS NULL", r -> r.getString(1), username)
        .stream().findFirst();
  }

  public void setPassword(String username, String passwordHash) throws StorageFailure,
      ConfigurationError {
    requireOne(Sql.update(source, "change the password of " + username, "UPDATE officers SET"
        + " password_hash = ?, failed_logins = 0, locked_until = NULL WHERE username = ?",
        passwordHash, username), username);
  }

  /**
   * Counts a wrong {@code proof}; the {@code limit}-th in a row locks what it guards for
   * {@code lock}.
   *
   * @return the account as it now stands
   */
  public OfficerAccount failed(String username, OfficerAccount.Proof proof, int limit,
      Duration lock, Instant at) throws StorageFailure {
    String failures = failuresColumn(proof);
    Sql.update(source, "count a wrong " + proof + " of " + username, "UPDATE officers SET "
        + failures + " = " + failures + " + 1 WHERE username = ?", username);
    OfficerAccount account = find(username).orElseThrow();
    if (account.lockout(proof).failures() >= limit) {
      Sql.update(source, "lock the " + proof + " of " + username, "UPDATE officers SET "
          + failures + " = 0, " + untilColumn(proof) + " = ? WHERE username = ?", at.plus(lock),
          username);
      account = find(username).orElseThrow();
    }
    return account;
  }

  /**
   * Counts a wrong signing secret of {@code username}'s key; the {@link #SIGNING_TRIES}-th in a
   * row locks signing for {@link #SIGNING_LOCK}.
   *
   * @return the account as it now stands
   */
  public OfficerAccount wrongSigningSecret(String username, Instant at) throws StorageFailure {
    return failed(username, OfficerAccount.Proof.PIN, SIGNING_TRIES, SIGNING_LOCK, at);
  }

  /** A right {@code proof}: the wrong ones before it no longer count. */
  public void succeeded(String username, OfficerAccount.Proof proof) throws StorageFailure {
    Sql.update(source, "record a right " + proof + " of " + username, "UPDATE officers SET "
        + failuresColumn(proof) + " = 0, " + untilColumn(proof) + " = NULL WHERE username = ?",
        username);
  }

  private static String failuresColumn(OfficerAccount.Proof proof) {
    return proof == OfficerAccount.Proof.PASSWORD ? "failed_logins" : "failed_pins";
  }

  private static String untilColumn(OfficerAccount.Proof proof) {
    return proof == OfficerAccount.Proof.PASSWORD ? "locked_until" : "signing_locked_until";
  }

  /** Lifts the lockouts, of logins and of signing, before they end. */
  public void unlock(String username) throws StorageFailure,
      ConfigurationError {
    requireOne(Sql.update(source, "unlock " + username, "UPDATE officers SET failed_logins = 0,"
        + " locked_until = NULL, failed_pins = 0, signing_locked_until = NULL WHERE username = ?"
        + " AND disabled_at IS NULL", username), username);
  }

  /** No more logins; the account and what it did stay on record. */
  public void disable(String username, Instant at) throws StorageFailure,
      ConfigurationError {
    requireOne(Sql.update(source, "disable " + username, "UPDATE officers SET disabled_at = ?"
        + " WHERE username = ? AND disabled_at IS NULL", at, username), username);
    Sql.update(source, "end the sessions of " + username, "DELETE FROM console_sessions"
        + " WHERE username = ?", username);
  }

  private static void requireOne(int rows, String username) throws ConfigurationError {
    if (rows != 1) {
      throw new ConfigurationError("there is no live officer account " + username,
          "list the accounts with 'sohoa officers list'");
    }
  }

  private static OfficerAccount account(ResultSet r) throws SQLException {
    return new OfficerAccount(r.getString(1), r.getString(2), r.getString(3),
        Optional.ofNullable(r.getString(4)), OfficerAccount.Role.valueOf(r.getString(5)),
        Optional.ofNullable(r.getString(6)), new Lockout(r.getInt(7), Sql.instant(r, 8)),
        new Lockout(r.getInt(9), Sql.instant(r, 10)), r.getTimestamp(11).toInstant(),
        Sql.instant(r, 12), r.getString(14) == null ? Optional.empty()
            : Optional.of(new CertificateBinding(r.getString(13), r.getString(14))));
  }
}
