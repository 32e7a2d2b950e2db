package sohoa.core.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The SHA-256 of a byte sequence, as 64 lower-case hex digits. Originals are stored under this
 * hash, so two identical scans are one document however often they are fed in.
 */
public record ContentHash(String hex) {
  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  public ContentHash {
    if (!HEX64.matcher(hex).matches()) {
      throw new IllegalArgumentException("not a SHA-256 in lower-case hex: '" + hex + "'");
    }
  }

  /** Hashes a file by streaming it; never holds the file in memory. */
  public static ContentHash of(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return of(in);
    }
  }

  /** Hashes a stream to its end; the caller keeps ownership of the stream. */
  public static ContentHash of(InputStream in) throws IOException {
    MessageDigest digest = sha256();
    byte[] buffer = new byte[1 << 16];
    for (int n; (n = in.read(buffer)) > 0; ) {
      digest.update(buffer, 0, n);
    }
    return new ContentHash(HexFormat.of().formatHex(digest.digest()));
  }

  /**
   * Copies a stream to {@code file} and returns the hash of what was written, in one pass; the
   * caller keeps ownership of the stream.
   */
  public static ContentHash copy(InputStream in, Path file) throws IOException {
    MessageDigest digest = sha256();
    try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
      in.transferTo(out);
    }
    return of(digest);
  }

  public static ContentHash of(byte[] bytes) {
    return new ContentHash(HexFormat.of().formatHex(sha256().digest(bytes)));
  }

  /** A fresh SHA-256 digest, for callers that hash while they copy. */
  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK has no SHA-256", e);
    }
  }

  /** Wraps a finished digest. */
  public static ContentHash of(MessageDigest finished) {
    return new ContentHash(HexFormat.of().formatHex(finished.digest()));
  }

  @Override
  public String toString() {
    return hex;
  }
}
