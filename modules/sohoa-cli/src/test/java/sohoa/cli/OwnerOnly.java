package sohoa.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/** What sohoa writes is its user's alone, whatever the umask it was started with. */
final class OwnerOnly {
  private static final Set<PosixFilePermission> OWNER = Set.of(PosixFilePermission.OWNER_READ,
      PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

  private OwnerOnly() {}

  /** Fails naming the first file or folder under {@code root} that others may read. */
  static void assertEverythingIn(Path root) throws IOException {
    try (Stream<Path> written = Files.walk(root)) {
      for (Path path : written.toList()) {
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
        assertTrue(OWNER.containsAll(mode),
            root.relativize(path) + " is " + PosixFilePermissions.toString(mode));
      }
    }
  }
}
