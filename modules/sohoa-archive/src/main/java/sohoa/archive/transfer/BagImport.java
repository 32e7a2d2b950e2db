package sohoa.archive.transfer;

import gov.loc.repository.bagit.domain.Bag;
import gov.loc.repository.bagit.exceptions.CorruptChecksumException;
import gov.loc.repository.bagit.reader.BagReader;
import gov.loc.repository.bagit.verify.BagVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import sohoa.catalog.ArtifactRecord;
import sohoa.catalog.Catalog;
import sohoa.core.error.InvalidPackage;
import sohoa.core.error.StorageFailure;
import sohoa.core.files.FileTrees;
import sohoa.pipeline.StoredManifest;
import sohoa.store.ObjectKey;
import sohoa.store.ObjectStore;
import sohoa.store.StoredObject;
import sohoa.store.fs.FileSystemStore;

/**
 * Loads a BagIt bag written by {@link BagExport} into a store and catalog. The bag is verified
 * whole first (bagit-java checks every payload file against the bag's manifests); nothing is
 * loaded from a bag that fails. Loading is idempotent: objects already stored with the same hash
 * and documents already catalogued are left as they are, so an interrupted import is simply run
 * again. A document's manifest is stored after its artifacts, so it never names an object that
 * is not there yet.
 */
public final class BagImport {
  /** A zipped package may inflate to this much in the work folder. */
  private static final long MAX_UNZIPPED = 64L << 30;

  private final ObjectStore store;
  private final Catalog catalog;
  private final Path work;

  public BagImport(ObjectStore store, Catalog catalog, Path work) {
    this.store = store;
    this.catalog = catalog;
    this.work = work;
  }

  /**
   * @param recorded documents added to the catalog
   * @param present documents the catalog had already
   * @param stored objects written to the store
   * @param kept objects the store already held with the same hash
   */
  public record Result(int recorded, int present, int stored, int kept) {}

  /** Verifies and loads the bag at {@code path}: a bag folder, or a zip holding one. */
  public Result load(Path path) throws InvalidPackage, StorageFailure {
    Path unzipped = null;
    try {
      Path bagFolder = path;
      if (Files.isRegularFile(path)
          && path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
        Files.createDirectories(work);
        unzipped = Files.createTempDirectory(work, "import-");
        Zips.unzip(path, unzipped, MAX_UNZIPPED);
        bagFolder = bagRoot(unzipped).orElseThrow(() -> new InvalidPackage("the zip " + path
            + " holds no BagIt bag (no bagit.txt at its top or in its one folder)",
            "ask the sender for the package 'sohoa export' wrote", null));
      }
      verify(bagFolder, path);
      return load(new FileSystemStore(bagFolder.resolve("data")));
    } catch (IOException e) {
      throw new StorageFailure("cannot read the package " + path + ": " + e.getMessage(),
          "check the path and free space in the data folder's work/", e);
    } finally {
      if (unzipped != null) {
        try {
          FileTrees.delete(unzipped);
        } catch (IOException e) {
          // A leftover in work/; what was loaded is whole.
        }
      }
    }
  }

  private static Optional<Path> bagRoot(Path folder) throws IOException {
    if (Files.isRegularFile(folder.resolve("bagit.txt"))) {
      return Optional.of(folder);
    }
    try (Stream<Path> children = Files.list(folder)) {
      List<Path> folders = children.filter(Files::isDirectory).toList();
      return folders.size() == 1 && Files.isRegularFile(folders.get(0).resolve("bagit.txt"))
          ? Optional.of(folders.get(0)) : Optional.empty();
    }
  }

  private static void verify(Path bagFolder, Path given) throws InvalidPackage {
    try (BagVerifier verifier = new BagVerifier()) {
      Bag bag = new BagReader().read(bagFolder);
      verifier.isValid(bag, false);
    } catch (CorruptChecksumException e) {
      throw new InvalidPackage("the package " + given + " is damaged: " + e.getMessage(),
          "ask the sender for a new copy of the package; nothing was loaded", e);
    } catch (Exception e) {
      // bagit-java reports each failure (missing file, extra file, bad tag file) as its own
      // checked exception; each one means the same thing here.
      throw new InvalidPackage("the package " + given + " is not a valid BagIt bag: "
          + e.getClass().getSimpleName() + ": " + e.getMessage(),
          "ask the sender for a new copy of the package; nothing was loaded", e);
    }
  }

  private Result load(ObjectStore bag) throws StorageFailure, InvalidPackage, IOException {
    int recorded = 0;
    int present = 0;
    int stored = 0;
    int kept = 0;
    for (ObjectKey key : bag.list("documents/")) {
      if (!key.value().endsWith("/manifest.json")) {
        continue;
      }
      StoredManifest manifest = StoredManifest.read(bag, key);
      List<ArtifactRecord> artifacts = manifest.artifacts();
      // The manifest comes last in artifacts(): stored after what it names.
      for (ArtifactRecord a : artifacts) {
        ObjectKey artifact = new ObjectKey(a.objectKey());
        Optional<StoredObject> there = store.stat(artifact);
        if (there.isPresent() && there.get().sha256().equals(a.sha256())) {
          kept++;
          continue;
        }
        if (there.isPresent()) {
          throw new StorageFailure("the store already holds a different " + artifact + " (hash "
              + there.get().sha256().hex() + ", the package's is " + a.sha256().hex() + ")",
              "run 'sohoa check' on this store: its keys are never overwritten", null);
        }
        Path file = bag.localFile(artifact).orElseThrow(() -> new InvalidPackage("the package"
            + " lacks " + artifact + ", which its manifest " + key + " names",
            "ask the sender for the whole package", null));
        StoredObject put = store.put(artifact, file);
        if (!put.sha256().equals(a.sha256())) {
          throw new InvalidPackage("the package's " + artifact + " is not the object its manifest"
              + " recorded", "ask the sender for a new copy of the package", null);
        }
        stored++;
      }
      if (catalog.documents().find(manifest.documentId()).isPresent()) {
        present++;
      } else {
        // The manifest just stored is byte for byte the one read from the bag.
        catalog.documents().record(manifest.toDocument(store));
        recorded++;
      }
    }
    return new Result(recorded, present, stored, kept);
  }
}
