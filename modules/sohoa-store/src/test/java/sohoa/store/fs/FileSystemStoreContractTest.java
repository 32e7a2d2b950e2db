package sohoa.store.fs;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import sohoa.store.ObjectStore;
import sohoa.store.ObjectStoreContract;

/** The embedded store keeps the contract every store keeps. */
class FileSystemStoreContractTest extends ObjectStoreContract {
  @TempDir Path root;

  @Override
  protected ObjectStore emptyStore() throws Exception {
    return new FileSystemStore(Files.createDirectories(root.resolve("store")));
  }
}
