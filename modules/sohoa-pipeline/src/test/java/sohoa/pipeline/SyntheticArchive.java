package sohoa.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import sohoa.catalog.Catalog;
import sohoa.core.document.ContentHash;
import sohoa.core.document.DocumentId;
import sohoa.extract.file.TestMetadataReader;
import sohoa.store.ObjectKey;
import sohoa.store.ObjectStore;
import sohoa.store.StoredObject;

/**
 * An embedded data folder of synthetic documents for benchmarks that measure the store, not OCR:
 * each has an original and a PDF/A of random bytes (seeded, 200 KB to 1.8 MB), a text and a
 * manifest, stored and catalogued as {@code digitize} does. Run by {@code scripts/bench/check.sh}.
 *
 * <p>Usage: {@code SyntheticArchive DATA_DIR DOCUMENTS}
 */
public final class SyntheticArchive {
  private SyntheticArchive() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    int documents = Integer.parseInt(args[1]);
    ObjectMapper json = new ObjectMapper();
    Random random = new Random(11);
    try (Digitiser digitiser = Digitiser.embedded(Workspace.create(data),
        DigitizeOptions.defaults(), TestMetadataReader.shared(),
        Clock.systemUTC())) {
      ObjectStore store = digitiser.store();
      Catalog catalog = digitiser.catalog();
      for (int i = 0; i < documents; i++) {
        byte[] original = bytes(random);
        ContentHash hash = ContentHash.of(original);
        DocumentId id = DocumentId.of(hash);
        Map<String, Manifest.Artifact> artifacts = new LinkedHashMap<>();
        artifacts.put("original", artifact(store.put(ObjectKey.original(hash), original)));
        artifacts.put("pdfa", artifact(store.put(ObjectKey.artifact(id, "pdfa.pdf"),
            bytes(random))));
        artifacts.put("txt", artifact(store.put(ObjectKey.artifact(id, "text.txt"),
            ("Văn bản thử số " + i).getBytes(StandardCharsets.UTF_8))));
        Manifest manifest = new Manifest(Manifest.SCHEMA, id.value(),
            new Manifest.Source("van-ban-" + i + ".tif", "image/tiff", hash.hex(),
                original.length), null, null, "2026-11-29T00:00:00Z", 1, 95f, List.of(),
            List.of(new Manifest.PageEntry(1, 2480, 3508, 300, 300, false, false, "tiff", 300,
                false, 0, 0, "ocr", 4, 95f, false, 4, 0, List.of(), null, 0)),
            null, artifacts, new Manifest.Timings(0, 0), Map.of());
        ObjectKey key = StoredManifest.keyOf(id);
        store.put(key, json.writeValueAsBytes(manifest));
        catalog.documents().record(StoredManifest.read(store, key).toDocument(store));
      }
    }
  }

  private static byte[] bytes(Random random) {
    byte[] bytes = new byte[200_000 + random.nextInt(1_600_000)];
    random.nextBytes(bytes);
    return bytes;
  }

  private static Manifest.Artifact artifact(StoredObject stored) {
    return new Manifest.Artifact(stored.key().value(), stored.sha256().hex(), stored.size());
  }
}
