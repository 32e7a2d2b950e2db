package sohoa.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import sohoa.core.document.ContentHash;
import sohoa.core.error.SohoaException;
import sohoa.core.error.StorageFailure;
import sohoa.core.error.UnreadableInput;
import sohoa.ocr.format.AltoWriter;
import sohoa.ocr.format.HocrWriter;
import sohoa.ocr.format.OcrPage;
import sohoa.store.ObjectKey;
import sohoa.store.ObjectStore;
import sohoa.store.StoredObject;

/**
 * Puts a digitised document in the store: the original, the PDF/A (held against deletion when
 * sealed), the extra formats asked for, and last the manifest that names them all. Each write is
 * atomic; nothing here is trusted until the document is catalogued.
 */
final class StoreArtifacts implements Stage<DocumentContext, Digitised, StoreArtifacts.Stored> {
  private final ObjectStore store;
  private final Optional<Sealing> sealing;
  private final Map<String, String> tools;
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  StoreArtifacts(ObjectStore store, Optional<Sealing> sealing, Map<String, String> tools) {
    this.store = store;
    this.sealing = sealing;
    this.tools = Map.copyOf(tools);
  }

  /** A stored document: what was digitised, its full text, and its manifest as written. */
  record Stored(Digitised digitised, String fullText, Manifest manifest,
      StoredObject manifestObject) {}

  @Override
  public Stored run(DocumentContext document, Digitised digitised) throws SohoaException {
    StoredObject original = storeOriginal(document);
    ObjectKey pdfa = ObjectKey.artifact(document.id(), "pdfa.pdf");
    Map<String, Manifest.Artifact> artifacts = new LinkedHashMap<>();
    artifacts.put("original", artifact(original));
    artifacts.put("pdfa", artifact(store.put(pdfa, digitised.pdfa())));
    if (sealing.isPresent()) {
      // A sealed PDF/A is a signed record: held against deletion where the store can.
      store.protect(pdfa);
    }
    String fullText = digitised.fullText();
    List<OcrPage> ocrPages = digitised.pages().stream()
        .map(p -> new OcrPage(p.entry().number(), p.text(), p.alignment())).toList();
    for (OutputFormat format : document.options().formats()) {
      byte[] bytes = export(format, ocrPages, fullText, document.name());
      if (bytes.length > 0 || format == OutputFormat.TXT) {
        artifacts.put(format.name().toLowerCase(), artifact(
            store.put(ObjectKey.artifact(document.id(), format.artifactName()), bytes)));
      }
    }
    Manifest manifest = manifest(document, digitised, original, artifacts);
    try {
      return new Stored(digitised, fullText, manifest, store.put(
          ObjectKey.artifact(document.id(), "manifest.json"), json.writeValueAsBytes(manifest)));
    } catch (IOException e) {
      throw new StorageFailure("cannot write the manifest of " + document.name() + ": "
          + e.getMessage(), "report this as a bug in sohoa", e);
    }
  }

  private Manifest manifest(DocumentContext document, Digitised digitised,
      StoredObject original, Map<String, Manifest.Artifact> artifacts) {
    List<WrittenPage> pages = digitised.pages();
    long ocrMillis = pages.stream().mapToLong(p -> p.entry().ocrMillis()).sum();
    return new Manifest(Manifest.SCHEMA, document.id().value(),
        new Manifest.Source(document.name(), digitised.format().mediaType(), document.hash().hex(),
            original.size()),
        FileDescriptions.manifest(digitised.file()), sealing.map(s -> new Manifest.Seal(
            s.level().label(), s.signer().signerName(), s.untrusted())).orElse(null),
        document.started().toString(), pages.size(), digitised.meanConfidence(),
        digitised.review(), pages.stream().map(WrittenPage::entry).toList(),
        FieldDescriptions.manifest(digitised.fields()), artifacts,
        new Manifest.Timings(document.elapsedMillis(), ocrMillis), tools);
  }

  /**
   * The original in the store: put there now, or, when it is there already (enqueued for a
   * worker, or left by an earlier run), kept as it is, so that a worker does not upload again
   * the bytes it has just downloaded. Either way the source must still be what was hashed.
   */
  private StoredObject storeOriginal(DocumentContext document) throws SohoaException {
    ObjectKey key = ObjectKey.original(document.hash());
    Optional<StoredObject> existing = store.stat(key);
    ContentHash now;
    StoredObject original;
    if (existing.isPresent() && existing.get().sha256().equals(document.hash())) {
      original = existing.get();
      now = Originals.hash(document.source());
    } else {
      original = store.put(key, document.source());
      now = original.sha256();
    }
    if (!now.equals(document.hash())) {
      throw new UnreadableInput("the file changed while it was being digitised",
          "wait until the scanner or copy has finished writing it, then run again");
    }
    return original;
  }

  /** The bytes of one extra format; PDF/A is written page by page elsewhere and gives none here. */
  private byte[] export(OutputFormat format, List<OcrPage> ocrPages, String fullText,
      String name) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    switch (format) {
      case TXT -> out.writeBytes(fullText.getBytes(StandardCharsets.UTF_8));
      case HOCR -> HocrWriter.write(ocrPages, name, tools.get("ocr"), out);
      case ALTO -> AltoWriter.write(ocrPages, name, tools.get("ocr"), tools.get("sohoa"), out);
      case PDFA -> { }
    }
    return out.toByteArray();
  }

  private static Manifest.Artifact artifact(StoredObject object) {
    return new Manifest.Artifact(object.key().value(), object.sha256().hex(), object.size());
  }
}
