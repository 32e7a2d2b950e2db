package sohoa.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import sohoa.core.document.ContentHash;
import sohoa.core.error.StorageFailure;

/**
 * The HTTP API's keys, kept in the catalog as SHA-256 hashes of their secrets (a key's secret is
 * 256 random bits, so a plain hash cannot be reversed by guessing). A key reads
 * {@code sohoa_<16 hex id>_<43 base64url secret>}; it is shown once, when made.
 */
public final class ApiKeys {
  private static final Pattern KEY = Pattern.compile("sohoa_([0-9a-f]{16})_([A-Za-z0-9_-]{43})");

  private final DataSource dataSource;
  private final SecureRandom random = new SecureRandom();

  ApiKeys(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A key made and its text, which exists nowhere else once returned. */
  public record Issued(ApiKey key, String secretText) {
    /** Never the secret. */
    @Override
    public String toString() {
      return "Issued[" + key + "]";
    }
  }

  /** A key acting for no officer account: it may read, verify and submit scans. */
  public Issued create(ApiKey.Role role, Optional<String> agency, String label, Instant at)
      throws StorageFailure {
    return create(role, agency, Optional.empty(), label, at);
  }

  /**
   * @param officer the officer account the key acts for, whose name and title the certified
   *     copies it issues print
   */
  public Issued create(ApiKey.Role role, Optional<String> agency, Optional<String> officer,
      String label, Instant at) throws StorageFailure {
    byte[] idBytes = new byte[8];
    byte[] secret = new byte[32];
    random.nextBytes(idBytes);
    random.nextBytes(secret);
    String id = HexFormat.of().formatHex(idBytes);
    String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("INSERT INTO api_keys (key_id, secret_sha256,"
            + " role, agency, label, created_at, officer) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, id);
      s.setString(2, ContentHash.of(secretText.getBytes(StandardCharsets.US_ASCII))
          .hex());
      s.setString(3, role.name());
      s.setString(4, agency.orElse(null));
      s.setString(5, label);
      s.setTimestamp(6, Timestamp.from(at));
      s.setString(7, officer.orElse(null));
      s.executeUpdate();
    } catch (SQLException e) {
      throw new StorageFailure("cannot store the new API key: " + e.getMessage(),
          "check that the catalog database is reachable", e);
    }
    return new Issued(new ApiKey(id, role, agency, officer, label, at),
        "sohoa_" + id + "_" + secretText);
  }

  /**
   * The key {@code text} names, if it is one of ours, not revoked, and its secret matches
   * (compared in constant time).
   */
  public Optional<ApiKey> authenticate(String text) throws StorageFailure {
    Matcher m = KEY.matcher(text == null ? "" : text);
    if (!m.matches()) {
      return Optional.empty();
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT secret_sha256, role, agency, label,"
            + " created_at, officer FROM api_keys WHERE key_id = ? AND revoked_at IS NULL")) {
      s.setString(1, m.group(1));
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        byte[] stored = HexFormat.of().parseHex(r.getString(1));
        byte[] offered = HexFormat.of().parseHex(ContentHash.of(m.group(2)
            .getBytes(StandardCharsets.US_ASCII)).hex());
        if (!MessageDigest.isEqual(stored, offered)) {
          return Optional.empty();
        }
        return Optional.of(new ApiKey(m.group(1), ApiKey.Role.valueOf(r.getString(2)),
            Optional.ofNullable(r.getString(3)), Optional.ofNullable(r.getString(6)),
            r.getString(4), r.getTimestamp(5).toInstant()));
      }
    } catch (SQLException e) {
      throw new StorageFailure("cannot check an API key: " + e.getMessage(),
          "check that the catalog database is reachable", e);
    }
  }

  /** Revokes the key {@code id}; false when there is no such live key. */
  public boolean revoke(String id, Instant at) throws StorageFailure {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("UPDATE api_keys SET revoked_at = ? WHERE"
            + " key_id = ? AND revoked_at IS NULL")) {
      s.setTimestamp(1, Timestamp.from(at));
      s.setString(2, id);
      return s.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new StorageFailure("cannot revoke the API key " + id + ": " + e.getMessage(),
          "check that the catalog database is reachable", e);
    }
  }
}
