package sohoa.store.s3;

/**
 * An S3 access key and its secret, read from the environment or a file, never from the command
 * line.
 */
public record S3Credentials(String accessKey, String secretKey) {
  public S3Credentials {
    if (accessKey == null || accessKey.isBlank() || secretKey == null || secretKey.isBlank()) {
      throw new IllegalArgumentException("an S3 access key and secret key are both needed");
    }
  }

  /** Never the secret. */
  @Override
  public String toString() {
    return "S3Credentials[" + accessKey + "]";
  }
}
