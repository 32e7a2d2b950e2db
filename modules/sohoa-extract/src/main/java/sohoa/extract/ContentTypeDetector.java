package sohoa.extract;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;
import sohoa.core.document.InputFormat;
import sohoa.core.error.UnreadableInput;
import sohoa.core.error.UnsupportedInput;

/**
 * Decides an input's format from its bytes with Tika's magic-number detection. The file name is not
 * consulted: a scan saved as {@code .pdf} that is really a JPEG is treated as the JPEG it is.
 * Thread-safe.
 */
public final class ContentTypeDetector {
  private final MimeTypes types = MimeTypes.getDefaultMimeTypes();

  /** The media type Tika sees in the file's content, e.g. {@code image/tiff}. */
  public String mediaType(Path file) throws UnreadableInput {
    try (InputStream in = TikaInputStream.get(file)) {
      MediaType type = types.detect(in, new Metadata());
      return type.getBaseType().toString();
    } catch (IOException e) {
      throw new UnreadableInput("the file cannot be read to detect its type: " + e.getMessage(),
          "check that the file is still there and readable", e);
    }
  }

  /**
   * The input format of {@code file}.
   *
   * @throws UnsupportedInput when the content is not a scan or a PDF, naming what it is
   */
  public InputFormat detect(Path file) throws UnreadableInput, UnsupportedInput {
    String mediaType = mediaType(file);
    return InputFormat.ofMediaType(mediaType).orElseThrow(() -> new UnsupportedInput(
        "the content is " + mediaType + ", not a scanned image (TIFF, PNG, JPEG) or a PDF",
        "scan the document to TIFF, PNG, JPEG or PDF, or export it as PDF"));
  }
}
