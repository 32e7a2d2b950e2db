package sohoa.store.s3;

import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.errors.ServerException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.Set;
import sohoa.core.error.StorageFailure;

/**
 * Calls to one bucket, each tried again after a pause ({@link Backoff}) when it failed for a
 * passing reason, and turned into a {@link StorageFailure} that names the location otherwise.
 */
final class S3Calls {
  /** S3 error codes that say "try again later". */
  private static final Set<String> TRANSIENT = Set.of("InternalError", "SlowDown",
      "ServiceUnavailable", "RequestTimeout", "RequestTimeTooSkewed", "OperationAborted");

  private final MinioClient client;
  private final S3Location location;
  private final Backoff backoff;

  private S3Calls(MinioClient client, S3Location location, Backoff backoff) {
    this.client = client;
    this.location = location;
    this.backoff = backoff;
  }

  /** A client for {@code location}'s bucket, creating the bucket if it is missing. */
  static S3Calls connect(S3Location location, S3Credentials credentials, Backoff backoff)
      throws StorageFailure {
    MinioClient client = MinioClient.builder().endpoint(location.endpoint().toString())
        .region(location.region())
        .credentials(credentials.accessKey(), credentials.secretKey()).build();
    S3Calls calls = new S3Calls(client, location, backoff);
    String bucket = location.bucket();
    boolean exists = calls.retrying("reach the bucket " + bucket,
        () -> client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build()));
    if (!exists) {
      calls.retrying("create the bucket " + bucket, () -> {
        client.makeBucket(MakeBucketArgs.builder().bucket(bucket).region(location.region())
            .build());
        return null;
      });
    }
    return calls;
  }

  MinioClient client() {
    return client;
  }

  S3Location location() {
    return location;
  }

  static boolean isMissing(ErrorResponseException e) {
    String code = e.errorResponse().code();
    return "NoSuchKey".equals(code) || "NoSuchObject".equals(code) || "NotFound".equals(code);
  }

  /** One S3 call. */
  interface Call<T> {
    T run() throws MinioException, IOException, GeneralSecurityException, StorageFailure;
  }

  /** Runs {@code call}, again after a pause when it failed for a passing reason. */
  <T> T retrying(String what, Call<T> call) throws StorageFailure {
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
