package sohoa.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.HttpOutput;
import sohoa.core.error.StorageFailure;
import sohoa.store.ObjectKey;
import sohoa.store.ObjectStore;

/**
 * Streams a stored object, whole (200) or the one byte range asked for (206 with
 * {@code Content-Range}; RFC 9110), without holding it in memory. Several ranges in one request
 * are answered with the whole object, which RFC 9110 allows.
 */
final class RangedResponse {
  /** One range with at least one bound: {@code bytes=10-20}, {@code bytes=10-}, {@code bytes=-20}. */
  private static final Pattern RANGE = Pattern.compile("bytes=(?=\\d|-\\d)(\\d*)-(\\d*)");

  private RangedResponse() {}

  /** As below, the size read from the store: a local file's, or the object's as S3 states it. */
  static void write(Context ctx, ObjectStore store, ObjectKey key, String contentType)
      throws IOException, StorageFailure {
    Optional<Path> file = store.localFile(key);
    long size = file.isPresent() ? Files.size(file.get()) : store.stat(key)
        .orElseThrow(() -> ApiProblem.notFound("the object " + key + " is missing from the"
            + " store")).size();
    write(ctx, store, key, contentType, size);
  }

  /**
   * Streams {@code key} from {@code store}. A whole object the store keeps as a local file goes
   * to the socket as a memory-mapped buffer (no copy through the heap); anything else is copied
   * through a 64 KiB buffer, its hash checked where the store checks one.
   */
  static void write(Context ctx, ObjectStore store, ObjectKey key, String contentType,
      long size) throws IOException, StorageFailure {
    ctx.header("Accept-Ranges", "bytes");
    ctx.contentType(contentType);
    String header = ctx.header("Range");
    Optional<long[]> range = range(header, size);
    // A well-formed single range outside the object; anything else unusable is ignored.
    if (range.isEmpty() && header != null && RANGE.matcher(header.strip()).matches()) {
      ctx.header("Content-Range", "bytes */" + size);
      throw new ApiProblem(416, "Range Not Satisfiable", "the object has " + size
          + " bytes; ask for a range within them, e.g. 'Range: bytes=0-1023'");
    }
    Optional<Path> file = store.localFile(key);
    if (range.isEmpty() && file.isPresent()
        && ctx.res().getOutputStream() instanceof HttpOutput jetty) {
      ctx.header("Content-Length", String.valueOf(size));
      try (FileChannel channel = FileChannel.open(file.get(), StandardOpenOption.READ)) {
        jetty.sendContent(channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()));
      }
      return;
    }
    try (InputStream in = store.open(key)) {
      long start = range.map(r -> r[0]).orElse(0L);
      long length = range.map(r -> r[1] - r[0] + 1).orElse(size);
      if (range.isPresent()) {
        ctx.status(206);
        ctx.header("Content-Range", "bytes " + start + "-" + (start + length - 1) + "/" + size);
      }
      ctx.header("Content-Length", String.valueOf(length));
      in.skipNBytes(start);
      OutputStream out = ctx.outputStream();
      byte[] buffer = new byte[64 * 1024];
      long left = length;
      while (left > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          throw new IOException("the stored object ended " + left + " bytes early");
        }
        out.write(buffer, 0, n);
        left -= n;
      }
    }
  }

  /** The first and last byte asked for, if one satisfiable range was asked for. */
  static Optional<long[]> range(String header, long size) {
    if (header == null) {
      return Optional.empty();
    }
    Matcher m = RANGE.matcher(header.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      long first;
      long last;
      if (m.group(1).isEmpty()) {
        long suffix = Long.parseLong(m.group(2));
        first = Math.max(0, size - suffix);
        last = size - 1;
      } else {
        first = Long.parseLong(m.group(1));
        last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
      }
      return first <= last && first < size ? Optional.of(new long[] {first, last})
          : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
