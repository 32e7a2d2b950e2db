package sohoa.store;

import java.util.regex.Pattern;
import sohoa.core.document.ContentHash;
import sohoa.core.document.CopyId;
import sohoa.core.document.DocumentId;

/**
 * Where an object lives in the store: slash-separated segments of letters, digits, '.', '_' and
 * '-', never '..' — so a key cannot climb out of the store, whatever a caller passes in.
 */
public record ObjectKey(String value) {
  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,199}");

  public ObjectKey {
    String[] segments = value.split("/", -1);
    for (String segment : segments) {
      if (!SEGMENT.matcher(segment).matches() || segment.equals("..")) {
        throw new IllegalArgumentException("not an object key: '" + value + "'");
      }
    }
  }

  /** {@code originals/<sha256>}: the bytes exactly as they arrived. */
  public static ObjectKey original(ContentHash hash) {
    return new ObjectKey("originals/" + hash.hex());
  }

  /** {@code documents/<id>/<name>}: an artifact made from a document. */
  public static ObjectKey artifact(DocumentId id, String name) {
    return new ObjectKey("documents/" + id.value() + "/" + name);
  }

  /** {@code copies/<id>/<name>}: an electronic certified copy and its manifest. */
  public static ObjectKey copy(CopyId id, String name) {
    return new ObjectKey("copies/" + id.value() + "/" + name);
  }

  @Override
  public String toString() {
    return value;
  }
}
