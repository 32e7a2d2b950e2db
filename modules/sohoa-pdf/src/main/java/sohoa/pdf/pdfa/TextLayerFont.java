package sohoa.pdf.pdfa;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import sohoa.core.error.ConfigurationError;

/**
 * The TrueType font the invisible text layer is set in. Its glyphs are never shown, but PDF/A wants
 * every font embedded and every character mapped, so it must cover Vietnamese.
 */
public record TextLayerFont(Path file, byte[] program) {
  private static final List<Path> CANDIDATES = List.of(
      Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
      Path.of("/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf"),
      Path.of("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"));

  /** The first of the usual Debian fonts that is installed. */
  public static TextLayerFont locate() throws ConfigurationError {
    for (Path candidate : CANDIDATES) {
      if (Files.isRegularFile(candidate)) {
        return load(candidate);
      }
    }
    throw new ConfigurationError("no font for the PDF/A text layer: none of " + CANDIDATES
        + " is installed", "install one (Debian: apt-get install fonts-dejavu-core)");
  }

  public static TextLayerFont load(Path file) throws ConfigurationError {
    try {
      return new TextLayerFont(file, Files.readAllBytes(file));
    } catch (IOException e) {
      throw new ConfigurationError("the text layer font " + file + " cannot be read: "
          + e.getMessage(), "check the file, or install fonts-dejavu-core");
    }
  }
}
