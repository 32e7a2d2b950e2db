package sohoa.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;

/** Names for files sohoa moves or copies into its own folders. */
public final class FileNames {
  private FileNames() {}

  /** The file name with anything a filesystem or a shell could trip over replaced. */
  public static String safe(Path source) {
    Path fileName = source.getFileName();
    String name = fileName == null ? "input" : fileName.toString();
    name = name.replaceAll("[\\p{Cntrl}/\\\\]", "_").replaceAll("^\\.+", "_");
    return name.length() > 120 ? name.substring(0, 120) : name;
  }

  /**
   * {@code name} fit for one line of a log or a report: control characters (a newline in a file
   * name could forge a line) shown as {@code \n}, {@code \t} or {@code \u001b}.
   */
  public static String printable(String name) {
    StringBuilder out = new StringBuilder(name.length());
    name.codePoints().forEach(c -> {
      if (c == '\n') {
        out.append("\\n");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (Character.isISOControl(c)) {
        out.append(String.format("\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }

  /**
   * {@code folder/name}, or {@code folder/name-2} (before the extension) and so on when that is
   * taken: a second scan of the same name never replaces the first.
   */
  public static Path unused(Path folder, String name) {
    Path candidate = folder.resolve(name);
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    String extension = dot > 0 ? name.substring(dot) : "";
    for (int n = 2; Files.exists(candidate) || Files.exists(Path.of(candidate + ".error.txt"));
        n++) {
      candidate = folder.resolve(stem + "-" + n + extension);
    }
    return candidate;
  }
}
