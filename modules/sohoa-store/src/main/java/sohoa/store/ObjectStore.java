package sohoa.store;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
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

  /**
   * Opens the object for reading; the caller closes the stream. Where the store recorded the
   * object's SHA-256 when it was put, the stream checks it as it is read and fails at its end
   * (an IOException naming the key) rather than let a corrupted object pass as whole.
   */
  InputStream open(ObjectKey key) throws StorageFailure;

  /** The object's size and SHA-256, if it is stored. */
  Optional<StoredObject> stat(ObjectKey key) throws StorageFailure;

  /**
   * Visits every key that starts with {@code prefix}, in no particular order, holding one page of
   * keys at a time: a walk over millions of objects in bounded memory.
   */
  void walk(String prefix, KeyVisitor visitor) throws StorageFailure;

  /** Every key that starts with {@code prefix} (e.g. {@code documents/}), in key order. */
  default List<ObjectKey> list(String prefix) throws StorageFailure {
    List<ObjectKey> keys = new ArrayList<>();
    walk(prefix, keys::add);
    keys.sort(Comparator.comparing(ObjectKey::value));
    return keys;
  }

  /** Told each key of a {@link #walk}. */
  @FunctionalInterface
  interface KeyVisitor {
    void visit(ObjectKey key) throws StorageFailure;
  }

  /** Removes the object, if it is there. */
  void delete(ObjectKey key) throws StorageFailure;

  /**
   * The file that holds the object, where the store keeps objects as local files (the embedded
   * store): a server can then hand it to the socket without copying it through the heap.
   */
  default Optional<Path> localFile(ObjectKey key) {
    return Optional.empty();
  }

  /**
   * An address a person or system can fetch the object from without credentials for {@code
   * ttl}, where the store can make one (a presigned S3 URL).
   */
  default Optional<URI> shareableLink(ObjectKey key, Duration ttl) throws StorageFailure {
    return Optional.empty();
  }

  /**
   * Protects a signed artifact against deletion and overwriting where the store can (an S3
   * bucket with object lock: a legal hold).
   *
   * @return whether it is now protected
   */
  default boolean protect(ObjectKey key) throws StorageFailure {
    return false;
  }
}
