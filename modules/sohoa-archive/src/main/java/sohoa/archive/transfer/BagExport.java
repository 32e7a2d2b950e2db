package sohoa.archive.transfer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import gov.loc.repository.bagit.creator.BagCreator;
import gov.loc.repository.bagit.domain.Metadata;
import gov.loc.repository.bagit.hash.StandardSupportedAlgorithms;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import sohoa.catalog.ArtifactRecord;
import sohoa.catalog.Catalog;
import sohoa.catalog.DocumentRecord;
import sohoa.core.document.ContentHash;
import sohoa.core.document.DocumentId;
import sohoa.core.error.StorageFailure;
import sohoa.core.files.FileTrees;
import sohoa.pipeline.DocumentDescription;
import sohoa.pipeline.SohoaVersion;
import sohoa.pipeline.StoredManifest;
import sohoa.store.ObjectKey;
import sohoa.store.ObjectStore;

/**
 * Writes selected documents as a BagIt bag (the Library of Congress's bagit-java makes the
 * manifests and tag files): under {@code data/}, every artifact at its store key (originals,
 * PDF/A, texts, manifests) and {@code catalog/<id>.json}, the catalog row. Every object is checked
 * against its manifest on the way out, so a bag never carries damage. A {@code .zip} target gets
 * the bag zipped, with the bag's folder inside.
 */
public final class BagExport {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private final ObjectStore store;
  private final Catalog catalog;
  private final Clock clock;

  public BagExport(ObjectStore store, Catalog catalog, Clock clock) {
    this.store = store;
    this.catalog = catalog;
    this.clock = clock;
  }

  /** @param bytes bytes of payload */
  public record Result(Path bag, int documents, long bytes) {}

  /**
   * Writes the documents {@code ids} to {@code target}: a folder that must not exist yet, or a
   * file ending {@code .zip}.
   *
   * @param organization who sends the package (bag-info's Source-Organization)
   */
  public Result export(List<DocumentId> ids, Path target, String organization)
      throws StorageFailure {
    boolean zip = target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    Path folder = zip ? target.resolveSibling(target.getFileName() + ".bag-in-progress")
        : target;
    if (Files.exists(folder) || (zip && Files.exists(target))) {
      throw new StorageFailure((zip ? target : folder) + " already exists: a package is never"
          + " written over another", "choose a new name with -o, or move the old one away", null);
    }
    long bytes = 0;
    try {
      Files.createDirectories(folder);
      for (DocumentId id : ids) {
        bytes += document(id, folder);
      }
      Metadata info = new Metadata();
      info.add("Source-Organization", organization);
      info.add("Bagging-Date", LocalDate.now(clock.withZone(ZoneId.of("Asia/Ho_Chi_Minh")))
          .toString());
      info.add("External-Description", "sohoa transfer package: " + ids.size()
          + " documents with their originals, archival PDF/A, texts, manifests and catalog rows");
      info.add("Bag-Software-Agent", "sohoa " + SohoaVersion.current()
          + " (bagit-java from the Library of Congress)");
      BagCreator.bagInPlace(folder, List.of(StandardSupportedAlgorithms.SHA256), false, info);
      if (zip) {
        Zips.zip(folder, target);
        FileTrees.delete(folder);
      }
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new StorageFailure("cannot write the package " + target + ": " + e.getMessage(),
          "check free space and rights where the package goes, then export again", e);
    }
    return new Result(target, ids.size(), bytes);
  }

  private long document(DocumentId id, Path folder) throws StorageFailure, IOException {
    DocumentRecord document = catalog.documents().find(id).orElseThrow(() -> new StorageFailure("the"
        + " catalog has no document " + id, "check the selection", null));
    StoredManifest manifest = StoredManifest.read(store, StoredManifest.keyOf(id));
    long bytes = 0;
    for (ArtifactRecord a : manifest.artifacts()) {
      bytes += copy(new ObjectKey(a.objectKey()), a.sha256(), folder);
    }
    Path row = folder.resolve("catalog").resolve(id.value() + ".json");
    Files.createDirectories(row.getParent());
    Files.write(row, JSON.writeValueAsBytes(row(document)));
    return bytes + Files.size(row);
  }

  /** Copies one object out, refusing it if it is not the object its manifest recorded. */
  private long copy(ObjectKey key, ContentHash expected, Path folder)
      throws StorageFailure, IOException {
    Path file = folder.resolve(key.value());
    Files.createDirectories(file.getParent());
    ContentHash actual;
    try (InputStream in = store.open(key)) {
      actual = ContentHash.copy(in, file);
    }
    if (!actual.equals(expected)) {
      throw new StorageFailure("the stored object " + key + " is corrupted (its bytes hash to "
          + actual.hex() + ", its manifest recorded " + expected.hex() + "): it is not exported",
          "run 'sohoa check', restore the object, then export again", null);
    }
    return Files.size(file);
  }

  /** The catalog's row, for systems that read the package without sohoa. */
  private static Map<String, Object> row(DocumentRecord d) {
    Map<String, Object> row = DocumentDescription.of(d);
    row.put("pageStatistics", d.pages().stream().map(p -> Map.of("number", p.number(),
        "origin", p.origin().name().toLowerCase(Locale.ROOT), "words", p.wordCount(),
        "meanConfidence", p.meanConfidence(), "needsReview", p.needsReview())).toList());
    return row;
  }
}
