package sohoa.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import java.util.Optional;
import sohoa.catalog.Catalog;
import sohoa.catalog.CatalogAddress;
import sohoa.core.error.ConfigurationError;
import sohoa.core.error.StorageFailure;
import sohoa.pipeline.Workspace;

/** The {@code --data} option every command shares: where the embedded store and catalog live. */
final class DataFolder {
  @Option(names = "--data", paramLabel = "DIR", defaultValue = "sohoa-data",
      description = "data folder of the embedded store and catalog (default: ${DEFAULT-VALUE})")
  Path path;

  @Option(names = "--catalog", paramLabel = "JDBC-URL",
      description = "a shared catalog instead of the data folder's own, e.g. "
          + "jdbc:postgresql://db.example:5432/sohoa?user=sohoa; its password from "
          + "$SOHOA_CATALOG_PASSWORD or --catalog-password-file")
  String catalog;

  @Option(names = "--catalog-password-file", paramLabel = "FILE",
      description = "read the shared catalog's password from the first line of this file")
  Path catalogPasswordFile;

  /** The catalog these options name: the shared one if given, else the data folder's. */
  CatalogAddress catalogAddress() throws ConfigurationError {
    if (catalog == null) {
      return CatalogAddress.embedded(new Workspace(path).catalog());
    }
    String environment = System.getenv("SOHOA_CATALOG_PASSWORD");
    Optional<String> password = environment != null ? Optional.of(environment)
        : catalogPasswordFile != null
            ? Optional.of(new String(Secret.read(null, catalogPasswordFile,
                "the catalog's password")))
            : Optional.empty();
    return new CatalogAddress(catalog, password);
  }

  /** The catalog of an existing data folder (or the shared one), for commands that read it. */
  Catalog openCatalog() throws ConfigurationError, StorageFailure {
    if (catalog == null && !Files.isDirectory(path)) {
      throw new ConfigurationError("there is no sohoa data folder at " + path.toAbsolutePath(),
          "point --data at the folder 'sohoa digitize' wrote to");
    }
    return catalogAddress().open();
  }

  @Override
  public String toString() {
    return path.toString();
  }
}
