package sohoa.archive.fixity;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import sohoa.core.document.ContentHash;
import sohoa.core.error.StorageFailure;
import sohoa.store.ObjectKey;
import sohoa.store.ObjectStore;
import sohoa.store.VerifyingInputStream;

/**
 * Hashes stored objects again, as streams, on the audit's hashing threads, at no more than the
 * audit's rate: what each object hashes to, or that it is missing or cannot be read whole.
 */
final class ObjectHasher {
  private static final int BUFFER = 1 << 20;

  private final ObjectStore store;
  private final ExecutorService hashers;
  private final Throttle throttle;
  /** One read buffer per hashing thread, not one per object: a megabyte each adds up. */
  private final ThreadLocal<byte[]> buffers = ThreadLocal.withInitial(() -> new byte[BUFFER]);

  ObjectHasher(ObjectStore store, ExecutorService hashers, Throttle throttle) {
    this.store = store;
    this.hashers = hashers;
    this.throttle = throttle;
  }

  /** An object to hash, the hash recorded for it, and the document or copy it belongs to. */
  record Expected(ObjectKey key, ContentHash recorded, String owner) {}

  /**
   * What hashing one object gave: its hash, or that it is missing, or why it could not be read
   * whole; and how many bytes were read either way.
   */
  record Hashed(ContentHash sha256, long bytes, boolean missing, String unreadable) {}

  /** Sets the objects hashing on the hashing threads, each core taking the next. */
  List<Future<Hashed>> submit(List<Expected> toHash) {
    List<Future<Hashed>> hashes = new ArrayList<>(toHash.size());
    for (Expected e : toHash) {
      hashes.add(hashers.submit(() -> hash(e.key())));
    }
    return hashes;
  }

  /** Hashes one object as a stream; runs on a hashing thread. */
  private Hashed hash(ObjectKey key) throws StorageFailure, InterruptedException {
    Optional<InputStream> opened = ifStored(key, () -> store.open(key));
    if (opened.isEmpty()) {
      return new Hashed(null, 0, true, null);
    }
    MessageDigest digest = ContentHash.sha256();
    byte[] buffer = buffers.get();
    long read = 0;
    try (InputStream in = opened.get()) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        digest.update(buffer, 0, n);
        read += n;
        throttle.consumed(n);
      }
    } catch (VerifyingInputStream.CorruptObjectException e) {
      // The store's own check failed first; the recorded hash says the same.
    } catch (IOException e) {
      return new Hashed(null, read, false, e.getMessage());
    }
    return new Hashed(ContentHash.of(digest), read, false, null);
  }

  /** A hashing thread's answer, with its own failure (a store that cannot be asked) rethrown. */
  static Hashed outcome(Future<Hashed> hashing) throws StorageFailure,
      InterruptedException {
    try {
      return hashing.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof StorageFailure failure) {
        throw failure;
      }
      if (e.getCause() instanceof InterruptedException interrupted) {
        throw interrupted;
      }
      throw new IllegalStateException("hashing failed unexpectedly", e.getCause());
    }
  }

  /** A read from the store that may find the object missing, and may fail otherwise with E. */
  interface StoreRead<T, E extends Exception> {
    T run() throws StorageFailure, E;
  }

  /**
   * What {@code read} gives, or nothing when {@code key} is not stored. One request on the
   * common path (the object is there): only a failure asks the store whether it exists at all.
   */
  <T, E extends Exception> Optional<T> ifStored(ObjectKey key, StoreRead<T, E> read)
      throws StorageFailure, E {
    try {
      return Optional.of(read.run());
    } catch (StorageFailure e) {
      if (store.exists(key)) {
        throw e;
      }
      return Optional.empty();
    }
  }
}
