package sohoa.store.s3;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a store lives on S3: {@code s3://bucket[/prefix]?endpoint=https://minio.example:9000
 * [&region=us-east-1]}. No credentials here: they come from the environment or a file.
 *
 * @param prefix key prefix inside the bucket, empty or ending in '/'
 */
public record S3Location(URI endpoint, String bucket, String prefix, String region) {
  /** S3's bucket naming rules (lower case, digits, '.', '-'; 3 to 63). */
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

  public S3Location {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(region, "region");
    if (bucket == null || !BUCKET.matcher(bucket).matches()) {
      throw new IllegalArgumentException("not an S3 bucket name (3-63 lower-case letters, digits,"
          + " '.' and '-'): '" + bucket + "'");
    }
    if (!endpoint.getScheme().equals("http") && !endpoint.getScheme().equals("https")) {
      throw new IllegalArgumentException("the S3 endpoint is an http(s) address, not "
          + endpoint);
    }
    prefix = prefix == null || prefix.isEmpty() ? "" : prefix.replaceAll("^/+|/+$", "") + "/";
  }

  /** Reads {@code s3://bucket/prefix?endpoint=...&region=...}. */
  public static S3Location parse(String text) {
    URI uri = URI.create(text);
    if (!"s3".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException("an S3 store is written s3://bucket?endpoint=URL, not "
          + text);
    }
    Map<String, String> query = new HashMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          query.put(pair.substring(0, eq),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    String endpoint = query.get("endpoint");
    if (endpoint == null) {
      throw new IllegalArgumentException("say where the S3 server is: " + text
          + "?endpoint=https://minio.example:9000");
    }
    return new S3Location(URI.create(endpoint), uri.getHost(),
        uri.getPath() == null ? "" : uri.getPath(), query.getOrDefault("region", "us-east-1"));
  }

  @Override
  public String toString() {
    return "s3://" + bucket + "/" + prefix + "?endpoint=" + endpoint;
  }
}
