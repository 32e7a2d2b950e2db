package sohoa.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import sohoa.core.document.ContentHash;
import sohoa.core.error.EmptyInput;
import sohoa.core.error.SohoaException;
import sohoa.core.error.UnreadableInput;

/** An input's identity: the hash of its bytes, from which its document id comes. */
final class Originals {
  private Originals() {}

  /** The SHA-256 of {@code source}, refusing what is missing, not a file, or empty. */
  static ContentHash hash(Path source) throws SohoaException {
    try {
      if (!Files.isRegularFile(source)) {
        throw new UnreadableInput("the file does not exist or is not a regular file",
            "check the path; the file may have been moved");
      }
      if (Files.size(source) == 0) {
        throw new EmptyInput();
      }
      return ContentHash.of(source);
    } catch (IOException e) {
      throw new UnreadableInput("the file cannot be read: " + e.getMessage(),
          "check that the file is readable by the user running sohoa", e);
    }
  }
}
