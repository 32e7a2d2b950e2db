package sohoa.store.s3;

import io.minio.CopyObjectArgs;
import io.minio.CopySource;
import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.messages.Item;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import sohoa.core.error.StorageFailure;

/**
 * A bucket prefix that scanners and other systems drop files into ({@code s3://bucket/inbox/}):
 * objects under any name, without sohoa's metadata. S3 shows an object only once it is whole, so
 * whatever is listed has finished arriving. Taken objects move to {@code done/} under the
 * prefix, rejected ones to {@code quarantine/} beside a {@code .error.txt}. Thread-safe.
 */
public final class S3Inbox {
  public static final String DONE = "done/";
  public static final String QUARANTINE = "quarantine/";

  private final S3Calls calls;

  private S3Inbox(S3Calls calls) {
    this.calls = calls;
  }

  /** Connects to the inbox's bucket (creating it if it is missing). */
  public static S3Inbox open(S3Location location, S3Credentials credentials, Backoff backoff)
      throws StorageFailure {
    return new S3Inbox(S3Calls.connect(location, credentials, backoff));
  }

  /** The names (under the prefix) of the objects waiting, oldest name first. */
  public List<String> waiting() throws StorageFailure {
    S3Location location = calls.location();
    return calls.retrying("list " + location, () -> {
      List<String> names = new ArrayList<>();
      for (Result<Item> result : calls.client().listObjects(ListObjectsArgs.builder()
          .bucket(location.bucket()).prefix(location.prefix()).recursive(true).build())) {
        Item item = result.get();
        String name = item.objectName().substring(location.prefix().length());
        if (!item.isDir() && !name.startsWith(DONE) && !name.startsWith(QUARANTINE)
            && !name.endsWith("/")) {
          names.add(name);
        }
      }
      names.sort(null);
      return names;
    });
  }

  /** Copies the object {@code name} to {@code file}. */
  public void download(String name, Path file) throws StorageFailure {
    calls.retrying("download " + name + " from " + calls.location(), () -> {
      try (InputStream in = calls.client().getObject(GetObjectArgs.builder()
          .bucket(calls.location().bucket()).object(calls.location().prefix() + name).build())) {
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      }
      return null;
    });
  }

  /** Moves {@code name} to {@code done/name}. */
  public void markDone(String name) throws StorageFailure {
    move(name, DONE + name);
  }

  /** Moves {@code name} to {@code quarantine/name}, with {@code reason} beside it. */
  public void quarantine(String name, String reason) throws StorageFailure {
    byte[] text = reason.getBytes(StandardCharsets.UTF_8);
    calls.retrying("write the reason for " + name, () -> calls.client().putObject(
        PutObjectArgs.builder().bucket(calls.location().bucket())
            .object(calls.location().prefix() + QUARANTINE + name + ".error.txt")
            .stream(new ByteArrayInputStream(text), text.length, -1)
            // UTF-8 in capitals: servers that rewrite the header's charset (S3Proxy's Jetty) sign
            // it as UTF-8, and a lower-case one is refused as a signature mismatch.
            .contentType("text/plain; charset=UTF-8").build()));
    move(name, QUARANTINE + name);
  }

  private void move(String name, String target) throws StorageFailure {
    S3Location location = calls.location();
    calls.retrying("move " + name + " to " + target, () -> {
      calls.client().copyObject(CopyObjectArgs.builder().bucket(location.bucket())
          .object(location.prefix() + target).source(CopySource.builder()
              .bucket(location.bucket()).object(location.prefix() + name).build()).build());
      calls.client().removeObject(RemoveObjectArgs.builder().bucket(location.bucket())
          .object(location.prefix() + name).build());
      return null;
    });
  }

  @Override
  public String toString() {
    return calls.location().toString();
  }
}
