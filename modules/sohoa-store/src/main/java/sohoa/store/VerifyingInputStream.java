package sohoa.store;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import sohoa.core.document.ContentHash;

/**
 * Hashes an object's bytes as they are read and, at the end, fails if they are not the bytes
 * that were stored: a corrupted object is an error, never silently served.
 */
public final class VerifyingInputStream extends FilterInputStream {
  private final ObjectKey key;
  private final ContentHash expected;
  private final MessageDigest digest = ContentHash.sha256();
  private boolean checked;

  public VerifyingInputStream(InputStream in, ObjectKey key, ContentHash expected) {
    super(in);
    this.key = key;
    this.expected = expected;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b < 0) {
      check();
    } else {
      digest.update((byte) b);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n < 0) {
      check();
    } else {
      digest.update(buffer, offset, n);
    }
    return n;
  }

  /** In larger steps than InputStream's 8 KiB: fewer calls through the HTTP client's stream. */
  @Override
  public long transferTo(java.io.OutputStream out) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    for (int n; (n = read(buffer, 0, buffer.length)) >= 0; ) {
      out.write(buffer, 0, n);
      total += n;
    }
    return total;
  }

  /** Skipping would leave bytes unhashed: they are read instead. */
  @Override
  public long skip(long n) throws IOException {
    byte[] buffer = new byte[8192];
    long skipped = 0;
    while (skipped < n) {
      int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
      if (read < 0) {
        break;
      }
      skipped += read;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void check() throws IOException {
    if (checked) {
      return;
    }
    checked = true;
    ContentHash actual = ContentHash.of(digest);
    if (!actual.equals(expected)) {
      throw new CorruptObjectException(key, expected, actual);
    }
  }

  /** The object read is not the object stored. */
  public static final class CorruptObjectException extends IOException {
    CorruptObjectException(ObjectKey key, ContentHash expected, ContentHash actual) {
      super("the stored object " + key + " is corrupted: its bytes hash to " + actual.hex()
          + ", not to the SHA-256 recorded when it was stored (" + expected.hex() + ");"
          + " restore it from a replica or backup");
    }
  }
}
