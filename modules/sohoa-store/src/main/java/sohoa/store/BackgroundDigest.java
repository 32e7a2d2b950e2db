package sohoa.store;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import sohoa.core.document.ContentHash;

/**
 * SHA-256 of a stream's bytes computed on another thread while the reader goes on reading, so
 * that checking a download costs little of its time where a core is free. Chunks are copied into a
 * bounded queue (16 of them: memory stays bounded whatever the object's size).
 */
final class BackgroundDigest {
  private static final byte[] END = new byte[0];

  private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(16);
  private final CompletableFuture<ContentHash> result;

  BackgroundDigest(Executor executor) {
    result = CompletableFuture.supplyAsync(this::digest, executor);
  }

  private ContentHash digest() {
    MessageDigest digest = ContentHash.sha256();
    try {
      for (byte[] chunk = chunks.take(); chunk != END; chunk = chunks.take()) {
        digest.update(chunk);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("hashing was interrupted", e);
    }
    return ContentHash.of(digest);
  }

  void update(byte[] buffer, int offset, int length) throws IOException {
    put(Arrays.copyOfRange(buffer, offset, offset + length));
  }

  /** The hash of everything passed to {@link #update}; waits for the hashing thread. */
  ContentHash finish() throws IOException {
    put(END);
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while checking a download's hash");
    } catch (ExecutionException e) {
      throw new IOException("cannot hash the download: " + e.getCause().getMessage(), e);
    }
  }

  /** Lets the hashing thread go when the stream is closed before its end. */
  void abandon() {
    chunks.clear();
    chunks.offer(END);
  }

  private void put(byte[] chunk) throws IOException {
    try {
      chunks.put(chunk);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while reading a download");
    }
  }
}
