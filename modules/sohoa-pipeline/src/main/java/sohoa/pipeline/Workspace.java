package sohoa.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import sohoa.core.error.ConfigurationError;

/**
 * The embedded data folder: {@code store/} (objects), {@code catalog/} (H2), {@code quarantine/}
 * (rejected inputs with their reasons), {@code jobs/} (summaries) and {@code work/} (temporary).
 * The folder and these are its owner's alone (700): what they hold is citizens' records.
 */
public record Workspace(Path root) {
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rwx------");

  public Workspace {
    root = root.toAbsolutePath().normalize();
  }

  /** Creates the folders if needed and checks they are writable. */
  public static Workspace create(Path root) throws ConfigurationError {
    Workspace workspace = new Workspace(root);
    for (Path folder : new Path[] {workspace.root(), workspace.store(), workspace.catalog(),
        workspace.quarantine(), workspace.jobs(), workspace.work()}) {
      try {
        Files.createDirectories(folder);
        if (Files.getFileStore(folder).supportsFileAttributeView(PosixFileAttributeView.class)) {
          Files.setPosixFilePermissions(folder, OWNER_ONLY);
        }
      } catch (IOException e) {
        throw new ConfigurationError("the data folder " + folder + " cannot be created or made"
            + " private: " + e.getMessage(), "choose a folder of your own with --data");
      }
      if (!Files.isWritable(folder)) {
        throw new ConfigurationError("the data folder " + folder + " is not writable",
            "choose a writable folder with --data, or fix its permissions");
      }
    }
    return workspace;
  }

  public Path store() {
    return root.resolve("store");
  }

  public Path catalog() {
    return root.resolve("catalog");
  }

  public Path quarantine() {
    return root.resolve("quarantine");
  }

  public Path jobs() {
    return root.resolve("jobs");
  }

  public Path work() {
    return root.resolve("work");
  }
}
