package sohoa.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import sohoa.catalog.Catalog;
import sohoa.core.error.ConfigurationError;
import sohoa.core.error.StorageFailure;
import sohoa.pipeline.Workspace;

/** The {@code --data} option every command shares: where the embedded store and catalog live. */
final class DataFolder {
  @Option(names = "--data", paramLabel = "DIR", defaultValue = "sohoa-data",
      description = "data folder of the embedded store and catalog (default: ${DEFAULT-VALUE})")
  Path path;

  /** The catalog of an existing data folder, for the commands that only read it. */
  Catalog openCatalog() throws ConfigurationError, StorageFailure {
    if (!Files.isDirectory(path)) {
      throw new ConfigurationError("there is no sohoa data folder at " + path.toAbsolutePath(),
          "point --data at the folder 'sohoa digitize' wrote to");
    }
    return Catalog.embedded(new Workspace(path).catalog());
  }

  @Override
  public String toString() {
    return path.toString();
  }
}
