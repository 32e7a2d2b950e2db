package sohoa.pipeline.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import sohoa.core.error.ConfigurationError;
import sohoa.pipeline.FileNames;

/**
 * Turns the command line's paths into input files: a file is itself; a folder is every file below
 * it, in name order, hidden files and symbolic links passed over (a link could lead anywhere on the
 * machine); {@code @list.txt} is one path per line, relative to the list's folder, {@code #}
 * starting a comment. A path named twice is read once.
 */
public final class InputCollector {
  private InputCollector() {}

  public static Inputs collect(List<String> arguments) throws ConfigurationError {
    Set<Path> files = new LinkedHashSet<>();
    List<String> passedOver = new ArrayList<>();
    for (String argument : arguments) {
      if (argument.startsWith("@")) {
        readList(Path.of(argument.substring(1)), files, passedOver);
      } else {
        add(Path.of(argument), true, files, passedOver);
      }
    }
    return new Inputs(new ArrayList<>(files), passedOver);
  }

  private static void readList(Path list, Set<Path> files, List<String> passedOver)
      throws ConfigurationError {
    List<String> lines;
    try {
      lines = Files.readAllLines(list, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigurationError("the list file " + list + " cannot be read: " + e.getMessage(),
          "check the path after '@'");
    }
    Path base = list.toAbsolutePath().getParent();
    for (String line : lines) {
      String entry = line.strip();
      if (!entry.isEmpty() && !entry.startsWith("#")) {
        // A missing entry in a long list is one failed input, not a reason to stop the job.
        add(base.resolve(entry), false, files, passedOver);
      }
    }
  }

  private static void add(Path path, boolean named, Set<Path> files, List<String> passedOver)
      throws ConfigurationError {
    Path absolute = path.toAbsolutePath().normalize();
    if (Files.isDirectory(absolute)) {
      try (Stream<Path> walk = Files.walk(absolute)) {
        walk.sorted().forEach(p -> {
          if (p.equals(absolute)) {
            return;
          }
          Path relative = absolute.relativize(p);
          if (isHidden(relative)) {
            // Said once, for the hidden file or folder itself, not for all a folder holds.
            if (relative.getFileName().toString().startsWith(".")
                && !isHidden(relative.getParent() == null ? Path.of("") : relative.getParent())) {
              passedOver.add(FileNames.printable(p.toString()) + ": hidden (its name starts"
                  + " with '.'); rename it to include it");
            }
            return;
          }
          if (Files.isSymbolicLink(p)) {
            passedOver.add(FileNames.printable(p.toString())
                + ": a symbolic link inside an input folder is not followed");
          } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
            files.add(p);
          }
        });
      } catch (IOException e) {
        throw new ConfigurationError("the folder " + path + " cannot be listed: " + e.getMessage(),
            "check its permissions");
      }
    } else if (named && !Files.exists(absolute)) {
      throw new ConfigurationError("no such file or folder: " + path,
          "check the path; folders are read recursively, @FILE reads a list of paths");
    } else {
      files.add(absolute);
    }
  }

  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
