package sohoa.store;

import sohoa.core.document.ContentHash;

/** An object as the store holds it. */
public record StoredObject(ObjectKey key, ContentHash sha256, long size) {
  public StoredObject {
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative, got " + size);
    }
  }
}
