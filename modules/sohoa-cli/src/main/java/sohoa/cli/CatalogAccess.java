package sohoa.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import sohoa.catalog.Catalog;
import sohoa.core.error.ConfigurationError;
import sohoa.core.error.StorageFailure;
import sohoa.pipeline.Workspace;

/** Opens the catalog of an existing data folder for the commands that only read it. */
final class CatalogAccess {
  private CatalogAccess() {}

  static Catalog open(Path data) throws ConfigurationError, StorageFailure {
    if (!Files.isDirectory(data)) {
      throw new ConfigurationError("there is no sohoa data folder at " + data.toAbsolutePath(),
          "point --data at the folder 'sohoa digitize' wrote to");
    }
    return Catalog.embedded(new Workspace(data).catalog());
  }
}
