package sohoa.store.s3;

import io.minio.BucketExistsArgs;
import io.minio.EnableObjectLegalHoldArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectLockConfigurationArgs;
import io.minio.GetObjectResponse;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.UploadObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.errors.ServerException;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
  /** S3 error codes that say "try again later". */
  private static final Set<String> TRANSIENT = Set.of("InternalError", "SlowDown",
      "ServiceUnavailable", "RequestTimeout", "RequestTimeTooSkewed", "OperationAborted");

  private final MinioClient client;
  private final S3Location location;
  private final Backoff backoff;
  private final boolean objectLock;

  private S3Store(MinioClient client, S3Location location, Backoff backoff, boolean objectLock) {
    this.client = client;
    this.location = location;
    this.backoff = backoff;
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
    MinioClient client = MinioClient.builder().endpoint(location.endpoint().toString())
        .region(location.region())
        .credentials(credentials.accessKey(), credentials.secretKey()).build();
    S3Store probe = new S3Store(client, location, backoff, false);
    String bucket = location.bucket();
    boolean exists = probe.retrying("reach the bucket " + bucket,
        () -> client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build()));
    if (!exists) {
      probe.retrying("create the bucket " + bucket, () -> {
        client.makeBucket(MakeBucketArgs.builder().bucket(bucket).region(location.region())
            .build());
        return null;
      });
    }
    return new S3Store(client, location, backoff, probe.lockEnabled());
  }

  /** Whether the bucket has object lock configured (asked once, when the store is opened). */
  private boolean lockEnabled() {
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
    retrying("upload " + key, () -> client.uploadObject(UploadObjectArgs.builder()
        .bucket(location.bucket()).object(name(key)).filename(file.toString(), PART_SIZE)
        .userMetadata(Map.of(HASH, hash.hex())).build()));
    return new StoredObject(key, hash, size);
  }

  @Override
  public StoredObject put(ObjectKey key, byte[] bytes) throws StorageFailure {
    ContentHash hash = ContentHash.of(bytes);
    retrying("upload " + key, () -> client.putObject(PutObjectArgs.builder()
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
    return retrying("look up " + key, () -> {
      try {
        return Optional.of(client.statObject(StatObjectArgs.builder().bucket(location.bucket())
            .object(name(key)).build()));
      } catch (ErrorResponseException e) {
        if (isMissing(e)) {
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
    GetObjectResponse response = retrying("download " + key, () -> {
      try {
        return client.getObject(GetObjectArgs.builder().bucket(location.bucket())
            .object(name(key)).build());
      } catch (ErrorResponseException e) {
        if (isMissing(e)) {
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

  @Override
  public List<ObjectKey> list(String prefix) throws StorageFailure {
    return retrying("list " + prefix, () -> {
      List<ObjectKey> keys = new ArrayList<>();
      for (Result<Item> result : client.listObjects(ListObjectsArgs.builder()
          .bucket(location.bucket()).prefix(location.prefix() + prefix).recursive(true)
          .build())) {
        Item item = result.get();
        if (!item.isDir()) {
          keys.add(new ObjectKey(item.objectName().substring(location.prefix().length())));
        }
      }
      keys.sort((a, b) -> a.value().compareTo(b.value()));
      return keys;
    });
  }

  @Override
  public void delete(ObjectKey key) throws StorageFailure {
    retrying("delete " + key, () -> {
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
    retrying("put a legal hold on " + key, () -> {
      client.enableObjectLegalHold(EnableObjectLegalHoldArgs.builder()
          .bucket(location.bucket()).object(name(key)).build());
      return null;
    });
    return true;
  }

  /** An address other systems can GET the object from without credentials, for {@code ttl}. */
  public URI presignedGet(ObjectKey key, Duration ttl) throws StorageFailure {
    return URI.create(retrying("sign an address for " + key, () ->
        client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(Method.GET)
            .bucket(location.bucket()).object(name(key)).expiry((int) ttl.toSeconds()).build())));
  }

  private String name(ObjectKey key) {
    return location.prefix() + key.value();
  }

  private static boolean isMissing(ErrorResponseException e) {
    String code = e.errorResponse().code();
    return "NoSuchKey".equals(code) || "NoSuchObject".equals(code) || "NotFound".equals(code);
  }

  /** One S3 call. */
  private interface Call<T> {
    T run() throws MinioException, IOException, GeneralSecurityException, StorageFailure;
  }

  /** Runs {@code call}, again after a pause when it failed for a passing reason. */
  private <T> T retrying(String what, Call<T> call) throws StorageFailure {
    Exception last = null;
    for (int attempt = 1; attempt <= backoff.attempts(); attempt++) {
      try {
        return call.run();
      } catch (IOException | ServerException e) {
        last = e;
      } catch (ErrorResponseException e) {
        if (!TRANSIENT.contains(e.errorResponse().code())) {
          throw failure(what, e);
        }
        last = e;
      } catch (MinioException | GeneralSecurityException e) {
        throw failure(what, e);
      }
      if (attempt < backoff.attempts()) {
        try {
          Thread.sleep(backoff.before(attempt).toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    throw new StorageFailure("cannot " + what + " on " + location + " after "
        + backoff.attempts() + " attempts: " + last.getMessage(), "check that the S3 server"
        + " runs and is reachable, then run the command again (done work is kept)", last);
  }

  private StorageFailure failure(String what, Exception e) {
    String detail = e instanceof ErrorResponseException r
        ? r.errorResponse().code() + ": " + r.errorResponse().message() : e.getMessage();
    return new StorageFailure("cannot " + what + " on " + location + ": " + detail,
        "check the bucket, the endpoint and the access key's rights", e);
  }
}
