package sohoa.console;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * Officers' passwords as bcrypt hashes (Bouncy Castle's, in the {@code $2b$} format every bcrypt
 * library reads), at a cost that takes a quarter of a second here: slow for a guesser with a
 * stolen catalog, unnoticed at a login.
 */
public final class Passwords {
  private static final int COST = 12;
  private static final int MAX_BYTES = 72;
  /**
   * Checked when the user name is unknown, so that the answer takes as long either way: bcrypt of
   * "not-a-password" with an all-zero salt at {@link #COST}, written out because making it took a
   * quarter of a second of every process that loaded this class, login or not (PasswordsTest
   * makes it again).
   */
  static final String UNKNOWN_USER =
      "$2b$12$......................tYxmnJLGiRWFUPx/N8uAp2L7vYhVvtK";

  private final SecureRandom random = new SecureRandom();
  private final int cost;

  /** Hashes at sohoa's cost (12). */
  public Passwords() {
    this(COST);
  }

  /**
   * Hashes at {@code cost} (bcrypt's log2 rounds, 4 to 31). A hash is checked at the cost it was
   * made with, whatever this one's: a lower cost only makes new hashes cheaper to guess, which is
   * for fixtures that log in many times, not for accounts.
   */
  public Passwords(int cost) {
    if (cost < 4 || cost > 31) {
      throw new IllegalArgumentException("bcrypt's cost is 4 to 31, got " + cost);
    }
    this.cost = cost;
  }

  /**
   * @throws IllegalArgumentException when the password is under 8 characters or over bcrypt's 72
   *     bytes
   */
  public String hash(char[] password) {
    if (password.length < 8) {
      throw new IllegalArgumentException("a password has at least 8 characters");
    }
    if (StandardCharsets.UTF_8.encode(CharBuffer.wrap(password)).remaining() > MAX_BYTES) {
      throw new IllegalArgumentException("a password has at most " + MAX_BYTES + " bytes"
          + " (about 24 Vietnamese letters with marks)");
    }
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    return OpenBSDBCrypt.generate("2b", password, salt, cost);
  }

  /** Whether {@code password} is the one {@code hash} was made from; empty hash: no account. */
  public boolean matches(char[] password, String hash) {
    if (hash == null) {
      OpenBSDBCrypt.checkPassword(UNKNOWN_USER, password);
      return false;
    }
    return OpenBSDBCrypt.checkPassword(hash, password);
  }
}
