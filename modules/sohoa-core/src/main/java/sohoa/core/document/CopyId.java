package sohoa.core.document;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Names one electronic certified copy (bản sao điện tử được chứng thực): 32 lower-case hex digits,
 * random, so that the verification address printed in its QR code cannot be guessed from another.
 */
public record CopyId(String value) {
  private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

  public CopyId {
    if (value == null || !ID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "not a certified copy id (32 lower-case hex digits): '" + value + "'");
    }
  }

  /** A fresh id from {@code random} (a SecureRandom: ids are unguessable). */
  public static CopyId random(SecureRandom random) {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return new CopyId(HexFormat.of().formatHex(bytes));
  }

  @Override
  public String toString() {
    return value;
  }
}
