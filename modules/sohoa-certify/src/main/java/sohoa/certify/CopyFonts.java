package sohoa.certify;

import java.nio.file.Files;
import java.nio.file.Path;
import sohoa.core.error.ConfigurationError;
import sohoa.pdf.pdfa.TextLayerFont;

/**
 * The fonts the lời chứng is set in: the Unicode TrueType font of the PDF/A text layer (it covers
 * Vietnamese) and its bold face where installed beside it. PDF/A embeds both.
 */
public record CopyFonts(TextLayerFont regular, TextLayerFont bold) {
  /** The installed Debian font and its bold sibling (DejaVuSans-Bold, LiberationSans-Bold). */
  public static CopyFonts locate() throws ConfigurationError {
    TextLayerFont regular = TextLayerFont.locate();
    String name = regular.file().getFileName().toString();
    String boldName = name.contains("-Regular") ? name.replace("-Regular", "-Bold")
        : name.replace(".ttf", "-Bold.ttf");
    Path bold = regular.file().resolveSibling(boldName);
    return new CopyFonts(regular, Files.isRegularFile(bold) ? TextLayerFont.load(bold) : regular);
  }
}
