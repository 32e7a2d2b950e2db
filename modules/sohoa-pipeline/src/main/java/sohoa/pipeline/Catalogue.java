package sohoa.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import sohoa.catalog.ArtifactRecord;
import sohoa.catalog.AuditTrail;
import sohoa.catalog.Catalog;
import sohoa.catalog.DocumentRecord;
import sohoa.catalog.PageRecord;
import sohoa.core.document.ContentHash;
import sohoa.core.error.SohoaException;
import sohoa.core.error.StorageFailure;

/**
 * The last stage: records the stored document in the catalog, in one transaction, and what was
 * done in the audit log. A document is finished exactly when it is catalogued, so a crash at any
 * point before leaves nothing a later run would trust.
 */
final class Catalogue implements Stage<DocumentContext, StoreArtifacts.Stored, DocumentOutcome> {
  private final Catalog catalog;
  private final AuditTrail trail;
  private final String actor;
  private final String ocr;

  /**
   * @param actor this process, as the audit log names it
   * @param ocr the OCR engine and model, as the audit log names them
   */
  Catalogue(Catalog catalog, AuditTrail trail, String actor, String ocr) {
    this.catalog = catalog;
    this.trail = trail;
    this.actor = actor;
    this.ocr = ocr;
  }

  @Override
  public DocumentOutcome run(DocumentContext document, StoreArtifacts.Stored stored)
      throws SohoaException {
    Digitised digitised = stored.digitised();
    Manifest manifest = stored.manifest();
    List<ArtifactRecord> records = new ArrayList<>();
    manifest.artifacts().forEach((kind, a) -> records.add(
        new ArtifactRecord(kind, a.key(), new ContentHash(a.sha256()), a.size())));
    records.add(new ArtifactRecord("manifest", stored.manifestObject().key().value(),
        stored.manifestObject().sha256(), stored.manifestObject().size()));
    List<WrittenPage> pages = digitised.pages();
    catalog.documents().record(new DocumentRecord(document.id(), document.hash(),
        document.name(), digitised.format().mediaType(), pages.size(),
        manifest.meanConfidence(), stored.fullText(), stored.manifestObject().sha256(),
        document.started(), records, pages.stream().map(p -> new PageRecord(p.entry().number(),
            p.text().origin(), p.text().words().size(), p.text().meanConfidence(),
            p.entry().needsReview())).toList(), digitised.fields().kind().key(),
        FieldDescriptions.catalog(digitised.fields()),
        Optional.of(FileDescriptions.catalog(digitised.file()))));
    audit(document, manifest);
    return new DocumentOutcome.Digitised(document.source(), document.id(), pages.size(),
        manifest.meanConfidence(), manifest.needsReview(), document.elapsedMillis());
  }

  private void audit(DocumentContext document, Manifest manifest) throws StorageFailure {
    int pages = manifest.pageCount();
    List<AuditTrail.Entry> entries = new ArrayList<>(List.of(
        entry(document, "ingest", "from " + FileNames.printable(document.name()) + " ("
            + manifest.source().mediaType() + ", " + manifest.source().size() + " bytes)"),
        entry(document, "ocr", String.format("%d page%s, mean confidence %.0f%%, %d to review;"
            + " %s", pages, pages == 1 ? "" : "s", manifest.meanConfidence(),
            manifest.needsReview().size(), ocr))));
    Manifest.Seal seal = manifest.seal();
    if (seal != null) {
      entries.add(entry(document, "seal", "PDF/A sealed at " + seal.level() + " by "
          + seal.signer() + (seal.untrusted() ? " (development identity, UNTRUSTED)" : "")));
    }
    trail.record(entries);
  }

  private AuditTrail.Entry entry(DocumentContext document, String action, String detail) {
    return new AuditTrail.Entry(actor, action, document.id().value(),
        Optional.of(document.hash()), detail);
  }
}
