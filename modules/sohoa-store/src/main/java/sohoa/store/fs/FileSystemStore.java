package sohoa.store.fs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;
import sohoa.core.document.ContentHash;
import sohoa.core.error.StorageFailure;
import sohoa.store.ObjectKey;
import sohoa.store.ObjectStore;
import sohoa.store.StoredObject;

/**
 * Objects as files under a root folder, one file per key. Writes go to a temporary file beside the
 * target, are forced to disk and then renamed into place, so a crash leaves either nothing or the
 * whole object, never a torn one.
 */
public final class FileSystemStore implements ObjectStore {
  private final Path root;

  public FileSystemStore(Path root) throws StorageFailure {
    this.root = root.toAbsolutePath().normalize();
    try {
      Files.createDirectories(this.root);
    } catch (IOException e) {
      throw failure("cannot create the store folder " + this.root, e);
    }
  }

  @Override
  public StoredObject put(ObjectKey key, Path file) throws StorageFailure {
    try (InputStream in = Files.newInputStream(file)) {
      return write(key, in);
    } catch (IOException e) {
      throw failure("cannot read " + file + " to store it as " + key, e);
    }
  }

  @Override
  public StoredObject put(ObjectKey key, byte[] bytes) throws StorageFailure {
    try (InputStream in = new ByteArrayInputStream(bytes)) {
      return write(key, in);
    } catch (IOException e) {
      throw failure("cannot store " + key, e);
    }
  }

  private StoredObject write(ObjectKey key, InputStream in) throws StorageFailure {
    Path target = resolve(key);
    Path temp = null;
    try {
      Files.createDirectories(target.getParent());
      temp = Files.createTempFile(target.getParent(), ".incoming-", ".part");
      MessageDigest digest = ContentHash.sha256();
      long size;
      try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
        size = in.transferTo(out);
      }
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      move(temp, target);
      return new StoredObject(key, ContentHash.of(digest), size);
    } catch (IOException e) {
      deleteQuietly(temp);
      throw failure("cannot write " + key + " into " + root, e);
    }
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Override
  public boolean exists(ObjectKey key) {
    return Files.isRegularFile(resolve(key));
  }

  @Override
  public InputStream open(ObjectKey key) throws StorageFailure {
    try {
      return Files.newInputStream(resolve(key));
    } catch (NoSuchFileException e) {
      throw failure("the store has no object " + key, e);
    } catch (IOException e) {
      throw failure("cannot open " + key, e);
    }
  }

  @Override
  public Optional<Path> localFile(ObjectKey key) {
    Path file = resolve(key);
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  /** Reads the file through to hash it: the filesystem keeps no hash of its own. */
  @Override
  public Optional<StoredObject> stat(ObjectKey key) throws StorageFailure {
    Path file = resolve(key);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new StoredObject(key, ContentHash.of(file), Files.size(file)));
    } catch (IOException e) {
      throw failure("cannot read " + key, e);
    }
  }

  /** Streams the folder tree: no list of every key is built. */
  @Override
  public void walk(String prefix, KeyVisitor visitor) throws StorageFailure {
    try (Stream<Path> files = Files.walk(root)) {
      Iterator<Path> each = files.filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().startsWith(".incoming-")).iterator();
      while (each.hasNext()) {
        String key = root.relativize(each.next()).toString().replace('\\', '/');
        if (key.startsWith(prefix)) {
          visitor.visit(new ObjectKey(key));
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw failure("cannot list " + root, e instanceof IOException io ? io
          : ((UncheckedIOException) e).getCause());
    }
  }

  @Override
  public void delete(ObjectKey key) throws StorageFailure {
    try {
      Files.deleteIfExists(resolve(key));
    } catch (IOException e) {
      throw failure("cannot delete " + key, e);
    }
  }

  /** The file that holds {@code key}; ObjectKey already rules out '..', this double-checks. */
  Path resolve(ObjectKey key) {
    Path file = root.resolve(key.value()).normalize();
    if (!file.startsWith(root)) {
      throw new IllegalArgumentException("key " + key + " escapes the store root");
    }
    return file;
  }

  private StorageFailure failure(String problem, IOException cause) {
    return new StorageFailure(problem + ": " + cause.getMessage(),
        "check that " + root + " exists, is writable and has free space", cause);
  }

  private static void deleteQuietly(Path temp) {
    if (temp != null) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // The temp file is named .incoming-*.part; a leftover one is harmless and recognisable.
      }
    }
  }
}
