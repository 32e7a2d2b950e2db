package sohoa.pipeline.audit;

import com.itextpdf.io.font.constants.StandardFonts;
import com.itextpdf.kernel.font.PdfFontFactory;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfString;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import sohoa.catalog.AuditLog;
import sohoa.core.document.ContentHash;
import sohoa.core.error.SigningFailure;
import sohoa.core.error.StorageFailure;
import sohoa.sign.pades.PadesSigner;
import sohoa.sign.pades.SignatureLevel;
import sohoa.sign.pades.SignatureRequest;
import sohoa.sign.verify.PdfSignatureVerifier;
import sohoa.sign.verify.Verdict;
import sohoa.sign.verify.VerificationReport;
import sohoa.store.ObjectKey;
import sohoa.store.ObjectStore;
import sohoa.sign.pdf.BoundedReaders;

/**
 * Anchors the audit log's head outside the catalog. The hash chain shows an entry edited,
 * removed or moved; it cannot show the log's end cut off by someone who also rewrites the head
 * the catalog keeps. A checkpoint can: the number and hash of the last entry, in a small PDF
 * signed by the agency and timestamped, kept in the object store under
 * {@code audit/checkpoints/}. Checking compares the log with the latest checkpoint whose
 * signature holds. What it cannot see: entries cut off after the latest checkpoint, and a log
 * rewritten by someone who holds the agency's key as well as the database.
 */
public final class AuditAnchor {
  static final String PREFIX = "audit/checkpoints/";
  private static final PdfName KEY = new PdfName("SOHOA_AuditCheckpoint");

  /** One checkpoint: the log's last entry when it was made. */
  public record Checkpoint(long seq, ContentHash head, Instant at, ObjectKey key) {}

  /**
   * What checking found.
   *
   * @param latest the checkpoint the log was compared with, if there is one
   * @param problem what is wrong, if anything
   */
  public record Check(Optional<Checkpoint> latest, Optional<String> problem) {}

  private final AuditLog log;
  private final ObjectStore store;
  private final Clock clock;
  private final Path work;

  public AuditAnchor(AuditLog log, ObjectStore store, Clock clock, Path work) {
    this.log = log;
    this.store = store;
    this.clock = clock;
    this.work = work;
  }

  /** Writes a checkpoint of the log as it stands, signed by {@code agency} at {@code level}. */
  public Checkpoint write(PadesSigner agency, SignatureLevel level)
      throws StorageFailure, SigningFailure {
    AuditLog.Head head = log.head();
    Instant at = clock.instant();
    ByteArrayOutputStream signed = new ByteArrayOutputStream();
    agency.sign(new ByteArrayInputStream(page(head, at)), signed, SignatureRequest.at(level)
        .withReason("Điểm neo nhật ký kiểm toán"));
    ObjectKey key = new ObjectKey(PREFIX + String.format("%012d-%013d.pdf", head.seq(),
        at.toEpochMilli()));
    store.put(key, signed.toByteArray());
    return new Checkpoint(head.seq(), head.hash(), at, key);
  }

  /**
   * Compares the log with the latest checkpoint: it must still hold the entry the checkpoint
   * anchored, with the same hash, and the checkpoint's signature must hold for {@code anchors}.
   */
  public Check check(List<X509Certificate> anchors) throws StorageFailure {
    List<ObjectKey> keys = store.list(PREFIX);
    if (keys.isEmpty()) {
      return new Check(Optional.empty(), Optional.empty());
    }
    ObjectKey latest = keys.get(keys.size() - 1);
    Path file;
    try {
      file = Files.createTempFile(Files.createDirectories(work), "checkpoint-", ".pdf");
    } catch (IOException e) {
      throw new StorageFailure("cannot write to " + work + ": " + e.getMessage(),
          "check the data folder's free space and permissions", e);
    }
    try {
      try (InputStream in = store.open(latest)) {
        Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      }
      VerificationReport report = new PdfSignatureVerifier(anchors, false).verify(file);
      Optional<Checkpoint> checkpoint = read(file, latest);
      if (report.verdict() != Verdict.VALID || checkpoint.isEmpty()) {
        return new Check(Optional.empty(), Optional.of("the latest checkpoint " + latest.value()
            + " is not one the agency signed: " + report.verdict() + " " + report.signatures()
                .stream().flatMap(s -> s.problems().stream()).toList()
            + report.problem().map(p -> " " + p).orElse("")));
      }
      return new Check(checkpoint, compare(checkpoint.get()));
    } catch (IOException e) {
      throw new StorageFailure("cannot read the checkpoint " + latest.value() + ": "
          + e.getMessage(), "check the store", e);
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // A temporary file left in the work folder is removed with it.
      }
    }
  }

  private Optional<String> compare(Checkpoint checkpoint) throws StorageFailure {
    AuditLog.Head head = log.head();
    String made = "the checkpoint of " + checkpoint.at() + " anchored entry " + checkpoint.seq();
    if (head.seq() < checkpoint.seq()) {
      return Optional.of("the log ends at entry " + head.seq() + " but " + made
          + ": entries were removed from its end and its head rewritten");
    }
    if (checkpoint.seq() == 0) {
      // It anchored an empty log: nothing before it can have been cut or rewritten.
      return Optional.empty();
    }
    Optional<ContentHash> held = log.hashAt(checkpoint.seq());
    if (held.isEmpty() || !held.get().equals(checkpoint.head())) {
      return Optional.of(made + ", and the log's entry " + checkpoint.seq() + " is not that"
          + " entry: the log was rewritten up to it");
    }
    return Optional.empty();
  }

  /** The checkpoint a signed page carries. */
  private static Optional<Checkpoint> read(Path file, ObjectKey key) throws IOException {
    try (PdfDocument pdf = new PdfDocument(BoundedReaders.open(file))) {
      PdfString value = pdf.getCatalog().getPdfObject().getAsString(KEY);
      if (value == null) {
        return Optional.empty();
      }
      String[] parts = value.toUnicodeString().split(";");
      return Optional.of(new Checkpoint(Long.parseLong(parts[0]), new ContentHash(parts[1]),
          Instant.parse(parts[2]), key));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** A page that says what it anchors, for whoever opens it, and carries it for this class. */
  private static byte[] page(AuditLog.Head head, Instant at) throws SigningFailure {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PdfDocument pdf = new PdfDocument(new PdfWriter(out))) {
      PdfCanvas canvas = new PdfCanvas(pdf.addNewPage());
      canvas.beginText().setFontAndSize(PdfFontFactory.createFont(StandardFonts.HELVETICA), 11)
          .moveText(50, 780).showText("sohoa audit log checkpoint")
          .moveText(0, -16).showText("last entry: " + head.seq()).moveText(0, -16)
          .showText("its hash: " + head.hash().hex()).moveText(0, -16)
          .showText("at: " + at).endText();
      pdf.getCatalog().put(KEY, new PdfString(head.seq() + ";" + head.hash().hex() + ";" + at));
    } catch (IOException e) {
      throw new SigningFailure("cannot write the checkpoint page: " + e.getMessage(),
          "check the installation", e);
    }
    return out.toByteArray();
  }
}
