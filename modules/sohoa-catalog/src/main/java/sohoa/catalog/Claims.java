package sohoa.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import sohoa.core.document.ContentHash;
import sohoa.core.error.StorageFailure;

/**
 * Who is digitising which original: one holder (a process) at a time per original, so that two
 * workers or two commands never digitise the same scan at once. A holder keeps its claims alive
 * by renewing them; a claim not renewed for a lease is a dead holder's, and another takes it over.
 */
public final class Claims {
  private final DataSource source;

  Claims(DataSource source) {
    this.source = source;
  }

  /**
   * Claims {@code original} for {@code holder} to digitise.
   *
   * @return false when another holder has claimed it (see {@link #of})
   */
  public boolean claim(ContentHash original, String holder, Instant at) throws StorageFailure {
    try (Connection c = source.getConnection();
        PreparedStatement s = c.prepareStatement("INSERT INTO claims (original_sha256, holder,"
            + " claimed_at) VALUES (?, ?, ?)")) {
      s.setString(1, original.hex());
      s.setString(2, holder);
      s.setTimestamp(3, Timestamp.from(at));
      s.executeUpdate();
      return true;
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) {
        return false;
      }
      throw Sql.failure("claim " + original.hex(), e);
    }
  }

  /** Who holds the claim on {@code original}, if anyone does. */
  public Optional<Claim> of(ContentHash original) throws StorageFailure {
    List<Claim> held = Sql.query(source, "read the claim on " + original.hex(),
        "SELECT holder, claimed_at FROM claims WHERE original_sha256 = ?",
        r -> new Claim(r.getString(1), r.getTimestamp(2).toInstant()), original.hex());
    return held.stream().findFirst();
  }

  /** Moves a dead holder's claim to {@code holder}; false when someone else moved it first. */
  public boolean takeOver(ContentHash original, String dead, String holder, Instant at)
      throws StorageFailure {
    return Sql.update(source, "take over the claim on " + original.hex(), "UPDATE claims SET"
        + " holder = ?, claimed_at = ? WHERE original_sha256 = ? AND holder = ?", holder,
        Timestamp.from(at), original.hex(), dead) == 1;
  }

  /**
   * Renews every claim {@code holder} has, as of {@code at}: a holder that keeps renewing is
   * alive, however long its document takes; one that stops is seen as gone after the lease.
   */
  public void renew(String holder, Instant at) throws StorageFailure {
    Sql.update(source, "renew the claims of " + holder, "UPDATE claims SET claimed_at = ?"
        + " WHERE holder = ?", Timestamp.from(at), holder);
  }

  /** Gives up {@code holder}'s claim on {@code original}. */
  public void release(ContentHash original, String holder) throws StorageFailure {
    Sql.update(source, "release the claim on " + original.hex(), "DELETE FROM claims WHERE"
        + " original_sha256 = ? AND holder = ?", original.hex(), holder);
  }
}
