package sohoa.pipeline;

import java.util.Objects;
import sohoa.catalog.CatalogAddress;
import sohoa.store.address.StoreAddress;

/**
 * Where a sohoa installation keeps things: its object store and its catalog. The embedded default
 * is both inside the data folder; a shared deployment is an S3 bucket and a PostgreSQL database
 * that many workers and consumers use at once.
 */
public record Deployment(StoreAddress store, CatalogAddress catalog) {
  public Deployment {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(catalog, "catalog");
  }

  /** Both in the data folder: {@code store/} and {@code catalog/}. */
  public static Deployment embedded(Workspace workspace) {
    return new Deployment(new StoreAddress.Folder(workspace.store()),
        CatalogAddress.embedded(workspace.catalog()));
  }
}
