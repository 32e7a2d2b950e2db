package sohoa.pdf.input;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import sohoa.core.document.InputFormat;
import sohoa.core.error.EmptyInput;
import sohoa.core.error.InputRejected;
import sohoa.core.error.InputTooLarge;
import sohoa.core.error.TruncatedInput;
import sohoa.core.error.UnreadableInput;

/** Opens an input of a known format as its pages, after checking that the file is whole. */
public final class PageSources {
  private PageSources() {}

  /**
   * Opens {@code file} as pages.
   *
   * @throws InputRejected when the file is empty, cut short, damaged, encrypted or over a limit
   */
  public static PageSource open(Path file, InputFormat format, InputLimits limits)
      throws InputRejected {
    try {
      long size = Files.size(file);
      if (size == 0) {
        throw new EmptyInput();
      }
      if (size > limits.maxBytes()) {
        throw new InputTooLarge(String.format("the file is %.0f MB; the limit is %.0f MB",
            size / 1e6, limits.maxBytes() / 1e6), "split it, or raise --max-bytes");
      }
      checkComplete(file, format, size);
      if (format == InputFormat.PDF) {
        return PdfPageSource.open(file, limits);
      }
      return ImagePageSource.read(Files.readAllBytes(file), format, limits);
    } catch (IOException e) {
      throw new UnreadableInput("the file cannot be read: " + ImageDecoding.describe(e),
          "check that the file is still there and readable", e);
    }
  }

  /**
   * Each format marks its own end (JPEG's EOI, PNG's IEND, PDF's %%EOF); a file without it was cut
   * short in transfer, which decoders otherwise paper over with grey bands or a partial page.
   */
  private static void checkComplete(Path file, InputFormat format, long size)
      throws IOException, TruncatedInput {
    int tailLength = (int) Math.min(size, 1024);
    byte[] tail = new byte[tailLength];
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      raf.seek(size - tailLength);
      raf.readFully(tail);
    }
    String ending = new String(tail, StandardCharsets.ISO_8859_1);
    boolean complete = switch (format) {
      case JPEG -> ending.contains("\u00ff\u00d9");
      case PNG -> ending.contains("IEND");
      case PDF -> ending.contains("%%EOF");
      case TIFF -> true; // TIFF has no end marker; a cut TIFF fails when its page is decoded
    };
    if (!complete) {
      throw new TruncatedInput("the " + format.name() + " file is cut short: its end marker is "
          + "missing (" + size + " bytes)", "copy it again from the scanner or the source; "
          + "the transfer was interrupted");
    }
  }
}
