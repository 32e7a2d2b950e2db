package sohoa.store;

import java.io.InputStream;
import java.nio.file.Path;
import sohoa.core.error.StorageFailure;

/**
 * Keeps objects under {@link ObjectKey}s. A put is atomic: a reader sees the whole old object or
 * the whole new one, never part of one. Implementations are thread-safe.
 */
public interface ObjectStore {

  /** Copies {@code file} into the store under {@code key}, hashing it on the way. */
  StoredObject put(ObjectKey key, Path file) throws StorageFailure;

  /** Stores small bytes (a manifest, a text) under {@code key}. */
  StoredObject put(ObjectKey key, byte[] bytes) throws StorageFailure;

  /** Whether an object is stored under {@code key}; cheap, reads no content. */
  boolean exists(ObjectKey key) throws StorageFailure;

  /** Opens the object for reading; the caller closes the stream. */
  InputStream open(ObjectKey key) throws StorageFailure;
}
