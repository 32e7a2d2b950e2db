package sohoa.certify;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import sohoa.core.error.StorageFailure;
import sohoa.store.ObjectKey;
import sohoa.store.ObjectStore;

/**
 * {@code copies/<copy-id>/manifest.json}: everything about a certified copy, so that the register
 * entry can be rebuilt from the store and a process that died after storing the copy can still be
 * credited with it.
 */
public record CopyManifest(String schema, String copyId, String originalId, Original original,
    Register register, String officer, String officerTitle, String agency, String issuedAt,
    int pages, String placement, String level, List<String> signers, String verificationUrl,
    Artifact certified) {
  static final String SCHEMA = "sohoa.copy/1";
  private static final ObjectMapper JSON = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The manifest stored under {@code key}. */
  public static CopyManifest read(ObjectStore store, ObjectKey key) throws IOException, StorageFailure {
    CopyManifest manifest;
    try (InputStream in = store.open(key)) {
      manifest = JSON.readValue(in, CopyManifest.class);
    }
    if (!SCHEMA.equals(manifest.schema())) {
      throw new IOException("not a sohoa copy manifest (" + manifest.schema() + ")");
    }
    return manifest;
  }

  /** The original's PDF/A: the copy's first {@code length} bytes. */
  public record Original(String sha256, long length) {}

  public record Register(String office, String book, int year, int number, String label) {}

  public record Artifact(String key, String sha256, long size) {}
}
