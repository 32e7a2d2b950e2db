package sohoa.archive.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import sohoa.core.error.InvalidPackage;
import sohoa.core.files.AtomicFile;

/** Zipped bags: written whole or not at all, and read back without escaping their folder. */
final class Zips {
  private Zips() {}

  /** Zips {@code folder} into {@code zip}, its entries under the folder's name. */
  static void zip(Path folder, Path zip) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    String top = zip.getFileName().toString().replaceFirst("(?i)\\.zip$", "");
    AtomicFile.write(zip, bytes -> {
      try (ZipOutputStream out = new ZipOutputStream(bytes)) {
        for (Path file : files) {
          out.putNextEntry(new ZipEntry(top + "/"
              + folder.relativize(file).toString().replace('\\', '/')));
          Files.copy(file, out);
          out.closeEntry();
        }
      }
    });
  }

  /**
   * Unzips {@code zip} into the empty folder {@code into}, refusing entries that would land
   * outside it (zip slip) and packages that inflate past {@code maxBytes} (zip bombs).
   */
  static void unzip(Path zip, Path into, long maxBytes) throws IOException, InvalidPackage {
    Path root = into.toAbsolutePath().normalize();
    long total = 0;
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      byte[] buffer = new byte[1 << 16];
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        Path target = root.resolve(entry.getName()).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
          throw new InvalidPackage("the package " + zip + " has an entry that points outside"
              + " its folder: " + entry.getName(), "ask the sender for a package made by a"
              + " BagIt tool", null);
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
          continue;
        }
        Files.createDirectories(target.getParent());
        try (OutputStream out = Files.newOutputStream(target)) {
          for (int n; (n = in.read(buffer)) >= 0; ) {
            total += n;
            if (total > maxBytes) {
              throw new InvalidPackage("the package " + zip + " inflates past "
                  + maxBytes / (1 << 20) + " MiB", "unzip it yourself where there is room and"
                  + " import the folder", null);
            }
            out.write(buffer, 0, n);
          }
        }
      }
    }
  }
}
