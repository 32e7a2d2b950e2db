package sohoa.core.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.InflaterInputStream;

/**
 * Measures what each Flate stream of a PDF inflates to before a PDF library opens it. PDFBox
 * and iText inflate the cross-reference stream they open a document by whole, in memory (4 MB on
 * disk, 4 GB inflated), and iText finds a stream over its bound only after inflating all of it
 * into a counter: an object stream of 4 MB took a minute of a core. Here every stream whose
 * dictionary names Flate (images aside) is inflated into a counter, through as many Flate stages
 * as it names, and measuring stops at the limit. The file is read as bytes, keyword by keyword,
 * without parsing its objects: a stream hidden from this reading is one a reader cannot find
 * either.
 */
public final class FlateStreams {
  /** The {@code stream} keyword after a dictionary, and its end of line. */
  private static final Pattern STREAM = Pattern.compile(">>\\s*stream(\\r\\n|\\n|\\r)");
  private static final Pattern OBJ = Pattern.compile("\\bobj\\b");
  private static final Pattern FLATE = Pattern.compile("/FlateDecode\\b|/Fl\\b");
  private static final Pattern IMAGE = Pattern.compile("/Subtype\\s*/Image\\b");
  private static final Pattern STRUCTURE = Pattern.compile("/Type\\s*/(XRef|ObjStm)\\b");
  /** How far back a stream's dictionary is looked for: longer ones are not Flate streams. */
  private static final int DICTIONARY = 4096;
  /** The file is read this much at a time. */
  private static final int CHUNK = 1 << 20;

  private FlateStreams() {}

  /**
   * Whether any Flate stream of the PDF file {@code pdf} inflates to more than {@code limit}
   * bytes. The file is mapped, not read into memory; one of 2 GB or more is not measured (no
   * input that large is taken).
   */
  public static boolean exceed(Path pdf, long limit) throws IOException {
    try (FileChannel file = FileChannel.open(pdf, StandardOpenOption.READ)) {
      return file.size() < Integer.MAX_VALUE
          && exceed(file.map(FileChannel.MapMode.READ_ONLY, 0, file.size()), limit);
    }
  }

  /**
   * Whether any Flate stream of {@code pdf} (a whole file, in memory or mapped) inflates to more
   * than {@code limit} bytes.
   */
  public static boolean exceed(ByteBuffer pdf, long limit) {
    int length = pdf.limit();
    // A megabyte at a time, each window reaching back over a dictionary's length, so that memory
    // stays bounded however large the file. Latin-1 maps byte to char one for one: offsets in the
    // text are offsets in the file.
    for (int chunk = 0; chunk < length; chunk += CHUNK) {
      int from = Math.max(0, chunk - DICTIONARY);
      int to = (int) Math.min(length, (long) chunk + CHUNK + 16);
      byte[] window = new byte[to - from];
      pdf.duplicate().position(from).get(window);
      String text = new String(window, StandardCharsets.ISO_8859_1);
      Matcher stream = STREAM.matcher(text);
      while (stream.find()) {
        if (from + stream.start() < chunk || from + stream.start() >= chunk + CHUNK) {
          continue; // the window before or after this one has it
        }
        String before = text.substring(Math.max(0, stream.start() - DICTIONARY), stream.start());
        Matcher obj = OBJ.matcher(before);
        int dictionary = -1;
        while (obj.find()) {
          dictionary = obj.end();
        }
        if (dictionary >= 0 && !picture(before.substring(dictionary))) {
          int stages = count(FLATE.matcher(before.substring(dictionary)));
          if (stages > 0 && inflated(pdf, from + stream.end(), stages, limit) > limit) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Bytes out of {@code stages} Flate stages from {@code from}, counted up to past the limit. */
  private static long inflated(ByteBuffer pdf, int from, int stages, long limit) {
    InputStream in = new Remaining(pdf.duplicate().position(from));
    for (int i = 0; i < stages; i++) {
      in = new InflaterInputStream(in);
    }
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    try (InputStream inflating = in) {
      int n;
      while (total <= limit && (n = inflating.read(buffer)) > 0) {
        total += n;
      }
    } catch (IOException e) {
      // Damaged data ends the stream here; iText judges the rest.
    }
    return total;
  }

  /**
   * Whether a stream is an image, which its reader decodes under a pixel limit of its own: a page
   * scanned at 600 dpi in colour inflates to 100 MB and is no bomb. Cross-reference and object
   * streams are measured, however they are labelled.
   */
  private static boolean picture(String dictionary) {
    return IMAGE.matcher(dictionary).find() && !STRUCTURE.matcher(dictionary).find();
  }

  private static int count(Matcher matcher) {
    int n = 0;
    while (matcher.find()) {
      n++;
    }
    return n;
  }

  /** What remains of a buffer, as a stream. */
  private static final class Remaining extends InputStream {
    private final ByteBuffer buffer;

    Remaining(ByteBuffer buffer) {
      this.buffer = buffer;
    }

    @Override
    public int read() {
      return buffer.hasRemaining() ? buffer.get() & 0xff : -1;
    }

    @Override
    public int read(byte[] into, int offset, int length) {
      if (!buffer.hasRemaining()) {
        return -1;
      }
      int n = Math.min(length, buffer.remaining());
      buffer.get(into, offset, n);
      return n;
    }
  }
}
