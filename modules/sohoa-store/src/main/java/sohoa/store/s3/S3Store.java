package sohoa.store.s3;

import io.minio.EnableObjectLegalHoldArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectLockConfigurationArgs;
import io.minio.GetObjectResponse;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.UploadObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.http.Method;
import io.minio.messages.Item;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sohoa.core.document.ContentHash;
import sohoa.core.error.StorageFailure;
import sohoa.store.ObjectKey;
import sohoa.store.ObjectStore;
import sohoa.store.StoredObject;
import sohoa.store.VerifyingInputStream;

/**
 * The object store on an S3 server, through the MinIO Java client. Uploads stream from the file
 * (multipart above 16 MiB, one part in memory at a time); every object carries its SHA-256 as
 * ASCII user metadata ({@code x-amz-meta-sha256}), checked on every read. Vietnamese metadata
 * stays in the manifests: S3 metadata must be ASCII. A request that fails for a passing reason is
 * tried again with {@link Backoff}; S3 makes an object visible only once whole, so a failed upload
 * never leaves a half-written artifact behind. Thread-safe.
 */
public final class S3Store implements ObjectStore {
  /** Parts of 16 MiB: above S3's 5 MiB minimum, few enough for files of many GiB (10000 max). */
  static final long PART_SIZE = 16L * 1024 * 1024;
  private static final String HASH = "sha256";

  private final S3Calls calls;
  private final MinioClient client;
  private final S3Location location;
  private final boolean objectLock;

  private S3Store(S3Calls calls, boolean objectLock) {
    this.calls = calls;
    this.client = calls.client();
    this.location = calls.location();
    this.objectLock = objectLock;
  }

  /**
   * Connects to the store, creating its bucket if it is missing, and finds out whether the bucket
   * enforces object lock.
   *
   * @throws StorageFailure when the server does not answer or refuses the credentials
   */
  public static S3Store open(S3Location location, S3Credentials credentials, Backoff backoff)
      throws StorageFailure {
    S3Calls calls = S3Calls.connect(location, credentials, backoff);
    return new S3Store(calls, lockEnabled(calls.client(), location));
  }

  /** Whether the bucket has object lock configured (asked once, when the store is opened). */
  private static boolean lockEnabled(MinioClient client, S3Location location) {
    try {
      return client.getObjectLockConfiguration(GetObjectLockConfigurationArgs.builder()
          .bucket(location.bucket()).build()) != null;
    } catch (MinioException | IOException | GeneralSecurityException e) {
      // Not configured (ObjectLockConfigurationNotFoundError) or not implemented (501).
      return false;
    }
  }

  /** Whether signed artifacts can be protected with retention in this bucket. */
  public boolean objectLockEnabled() {
    return objectLock;
  }

  public S3Location location() {
    return location;
  }

  @Override
  public StoredObject put(ObjectKey key, Path file) throws StorageFailure {
    ContentHash hash;
    long size;
    try {
      hash = ContentHash.of(file);
      size = Files.size(file);
    } catch (IOException e) {
      throw new StorageFailure("cannot read " + file + " to store it as " + key + ": "
          + e.getMessage(), "check the file", e);
    }
    calls.retrying("upload " + key, () -> client.uploadObject(UploadObjectArgs.builder()
        .bucket(location.bucket()).object(name(key)).filename(file.toString(), PART_SIZE)
        .userMetadata(Map.of(HASH, hash.hex())).build()));
    return new StoredObject(key, hash, size);
  }

  @Override
  public StoredObject put(ObjectKey key, byte[] bytes) throws StorageFailure {
    ContentHash hash = ContentHash.of(bytes);
    calls.retrying("upload " + key, () -> client.putObject(PutObjectArgs.builder()
        .bucket(location.bucket()).object(name(key))
        .stream(new ByteArrayInputStream(bytes), bytes.length, -1)
        .userMetadata(Map.of(HASH, hash.hex())).build()));
    return new StoredObject(key, hash, bytes.length);
  }

  @Override
  public boolean exists(ObjectKey key) throws StorageFailure {
    return statObject(key).isPresent();
  }

  @Override
  public Optional<StoredObject> stat(ObjectKey key) throws StorageFailure {
    Optional<StatObjectResponse> stat = statObject(key);
    if (stat.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new StoredObject(key, recordedHash(key, stat.get()), stat.get().size()));
  }

  private Optional<StatObjectResponse> statObject(ObjectKey key) throws StorageFailure {
    return calls.retrying("look up " + key, () -> {
      try {
        return Optional.of(client.statObject(StatObjectArgs.builder().bucket(location.bucket())
            .object(name(key)).build()));
      } catch (ErrorResponseException e) {
        if (S3Calls.isMissing(e)) {
          return Optional.<StatObjectResponse>empty();
        }
        throw e;
      }
    });
  }

  private static ContentHash recordedHash(ObjectKey key, StatObjectResponse stat)
      throws StorageFailure {
    String hex = stat.userMetadata().get(HASH);
    if (hex == null) {
      throw missingHash(key);
    }
    return new ContentHash(hex);
  }

  private static StorageFailure missingHash(ObjectKey key) {
    return new StorageFailure("the object " + key + " carries no SHA-256: it was not stored by"
        + " sohoa, or its metadata was stripped", "store it again through sohoa (sohoa migrate)",
        null);
  }

  /** One GET: the recorded hash comes back with the object, in its metadata header. */
  @Override
  public InputStream open(ObjectKey key) throws StorageFailure {
    GetObjectResponse response = calls.retrying("download " + key, () -> {
      try {
        return client.getObject(GetObjectArgs.builder().bucket(location.bucket())
            .object(name(key)).build());
      } catch (ErrorResponseException e) {
        if (S3Calls.isMissing(e)) {
          throw new StorageFailure("the store has no object " + key, "check the id, or rebuild"
              + " the catalog from the store (sohoa catalog rebuild)", e);
        }
        throw e;
      }
    });
    String hex = response.headers().get("x-amz-meta-" + HASH);
    if (hex == null) {
      try {
        response.close();
      } catch (IOException e) {
        // Refusing it anyway: the reason below is the one that matters.
      }
      throw missingHash(key);
    }
    return new VerifyingInputStream(response, key, new ContentHash(hex));
  }

  /** The whole listing, tried again from the start after a passing failure. */
  @Override
  public List<ObjectKey> list(String prefix) throws StorageFailure {
    return calls.retrying("list " + prefix, () -> {
      List<ObjectKey> keys = new ArrayList<>();
      listing(prefix, keys::add);
      keys.sort(Comparator.comparing(ObjectKey::value));
      return keys;
    });
  }

  /**
   * Pages through the bucket's listing (1000 keys a request) as it goes. A failure part-way
   * fails the walk: it is not resumed, since keys already visited would be visited again.
   */
  @Override
  public void walk(String prefix, KeyVisitor visitor) throws StorageFailure {
    try {
      listing(prefix, visitor);
    } catch (MinioException | IOException | GeneralSecurityException e) {
      throw new StorageFailure("cannot list the bucket " + location.bucket() + ": "
          + e.getMessage(), "check that the S3 server is reachable, then run it again", e);
    }
  }

  private void listing(String prefix, KeyVisitor visitor)
      throws MinioException, IOException, GeneralSecurityException, StorageFailure {
    for (Result<Item> result : client.listObjects(ListObjectsArgs.builder()
        .bucket(location.bucket()).prefix(location.prefix() + prefix).recursive(true).build())) {
      Item item = result.get();
      if (!item.isDir()) {
        visitor.visit(new ObjectKey(item.objectName().substring(location.prefix().length())));
      }
    }
  }

  @Override
  public void delete(ObjectKey key) throws StorageFailure {
    calls.retrying("delete " + key, () -> {
      client.removeObject(RemoveObjectArgs.builder().bucket(location.bucket()).object(name(key))
          .build());
      return null;
    });
  }

  /** A legal hold (object lock) on the object, where the bucket has object lock enabled. */
  @Override
  public boolean protect(ObjectKey key) throws StorageFailure {
    if (!objectLock) {
      return false;
    }
    calls.retrying("put a legal hold on " + key, () -> {
      client.enableObjectLegalHold(EnableObjectLegalHoldArgs.builder()
          .bucket(location.bucket()).object(name(key)).build());
      return null;
    });
    return true;
  }

  @Override
  public Optional<URI> shareableLink(ObjectKey key, Duration ttl) throws StorageFailure {
    return Optional.of(presignedGet(key, ttl));
  }

  /** An address other systems can GET the object from without credentials, for {@code ttl}. */
  public URI presignedGet(ObjectKey key, Duration ttl) throws StorageFailure {
    return URI.create(calls.retrying("sign an address for " + key, () ->
        client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(Method.GET)
            .bucket(location.bucket()).object(name(key)).expiry((int) ttl.toSeconds()).build())));
  }

  private String name(ObjectKey key) {
    return location.prefix() + key.value();
  }
}
