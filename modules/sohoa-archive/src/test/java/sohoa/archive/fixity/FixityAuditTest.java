package sohoa.archive.fixity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohoa.catalog.CatalogAddress;
import sohoa.core.document.DocumentId;
import sohoa.extract.file.TestMetadataReader;
import sohoa.pipeline.BatchSummary;
import sohoa.pipeline.DigitizeOptions;
import sohoa.pipeline.DocumentOutcome;
import sohoa.pipeline.PipelineListener;
import sohoa.pipeline.Digitiser;
import sohoa.pipeline.StoredCorrections;
import sohoa.pipeline.Workspace;
import sohoa.pipeline.batch.BatchRunner;
import sohoa.pipeline.batch.Inputs;
import sohoa.testkit.ocr.ScriptedEngine;

/** The fixity audit on a real embedded store of three digitised sample documents. */
class FixityAuditTest {
  private static final Path SCANS = Path.of("../../samples/scans");
  @TempDir static Path shared;
  private static Path pristine;
  private static List<DocumentId> ids;
  @TempDir Path dir;

  @BeforeAll
  static void digitise() throws Exception {
    pristine = shared.resolve("data");
    try (Digitiser digitiser = open(Workspace.create(pristine))) {
      BatchSummary summary = new BatchRunner(digitiser, PipelineListener.NONE).run("three",
          new Inputs(List.of(SCANS.resolve("01-quyet-dinh-ubnd-xa.tif"),
              SCANS.resolve("02-giay-chung-nhan.jpg"),
              SCANS.resolve("03-cong-van-hai-trang.pdf")), List.of()));
      assertEquals(3, summary.digitised());
      ids = summary.outcomes().stream().map(o -> ((DocumentOutcome.Digitised) o).id())
          .sorted((a, b) -> a.value().compareTo(b.value())).toList();
    }
  }

  /**
   * sohoa over {@code ws}, its OCR engine reading nothing: fixity is about the bytes stored, not
   * the text read, and Tesseract would spend seconds a page on it.
   */
  private static Digitiser open(Workspace ws) throws Exception {
    return Digitiser.embedded(ws, DigitizeOptions.defaults(),
        TestMetadataReader.shared(), ScriptedEngine.reading(), Clock.systemUTC());
  }

  /** A copy of the three documents' data folder this test may damage. */
  private Workspace copy() throws Exception {
    Path data = dir.resolve("data");
    try (var files = Files.walk(pristine)) {
      for (Path from : files.toList()) {
        Path to = data.resolve(pristine.relativize(from).toString());
        if (Files.isDirectory(from)) {
          Files.createDirectories(to);
        } else if (!from.getFileName().toString().endsWith(".lock.db")) {
          Files.copy(from, to);
        }
      }
    }
    return Workspace.create(data);
  }

  private static FixityResult audit(Workspace ws, FixityScope scope) throws Exception {
    try (Digitiser digitiser = open(ws)) {
      return new FixityAudit(digitiser.store(), digitiser.catalog(), ws.root().resolve("checks"),
          Clock.systemUTC()).run(scope, (done, total, bytes) -> { });
    }
  }

  private static Set<String> named(FixityResult result) {
    return result.findings().stream()
        .map(f -> f.kind().label() + (f.repaired() ? "+repaired" : "") + " " + f.key())
        .collect(Collectors.toSet());
  }

  @Test
  void check_cleanStore_findsNothing_andHashesEveryArtifact() throws Exception {
    Workspace ws = copy();

    FixityResult result = audit(ws, FixityScope.everything());

    assertEquals(List.of(), result.findings());
    assertEquals(3, result.documents());
    long stored;
    try (var files = Files.walk(ws.store())) {
      stored = files.filter(Files::isRegularFile).count();
    }
    assertEquals(stored, result.objects(), "every object in the store, manifests included");
    assertTrue(result.bytes() > 0);
  }

  @Test
  void check_knowsTheOfficersCorrections_keptInTheStore() throws Exception {
    Workspace ws = copy();
    try (Digitiser digitiser = open(ws)) {
      StoredCorrections corrections = new StoredCorrections(digitiser.store(), digitiser.catalog());
      Instant at = Instant.parse("2026-11-29T03:00:00Z");
      corrections.correct(ids.get(0), Optional.of("number"), 0, "12/QĐ-UBND", "lan", at);
      corrections.correct(ids.get(0), Optional.empty(), 1, "Quyết định về việc cấp phép",
          "lan", at.plusSeconds(30));
    }

    FixityResult result = audit(ws, FixityScope.everything());

    assertEquals(List.of(), result.findings(), "the corrections are the archive's, not orphans");
  }

  @Test
  void check_namesAFlippedByte_aDeletedObject_anOrphan_andADeletedCatalogRow() throws Exception {
    Workspace ws = copy();
    Path pdfa = ws.store().resolve("documents/" + ids.get(0) + "/pdfa.pdf");
    byte[] bytes = Files.readAllBytes(pdfa);
    bytes[bytes.length / 2] ^= 0x10;
    Files.write(pdfa, bytes);
    Files.delete(ws.store().resolve("documents/" + ids.get(1) + "/text.txt"));
    Files.writeString(ws.store().resolve("originals/stray-upload.bin"), "nobody's");
    deleteCatalogRow(ws, ids.get(2));

    FixityResult result = audit(ws, FixityScope.everything());

    assertEquals(Set.of(
        "corrupt documents/" + ids.get(0) + "/pdfa.pdf",
        "missing documents/" + ids.get(1) + "/text.txt",
        "orphan originals/stray-upload.bin",
        "uncatalogued documents/" + ids.get(2) + "/manifest.json"), named(result));
    assertEquals(4, result.damage());
  }

  @Test
  void check_repairCatalog_indexesWhatTheStoreHolds_andTheNextRunIsClean() throws Exception {
    Workspace ws = copy();
    deleteCatalogRow(ws, ids.get(2));

    FixityResult repaired = audit(ws, new FixityScope(OptionalInt.empty(),
        Optional.empty(), true, 0));
    FixityResult after = audit(ws, FixityScope.everything());

    assertEquals(Set.of("uncatalogued+repaired documents/" + ids.get(2) + "/manifest.json"),
        named(repaired));
    assertEquals(0, repaired.damage());
    assertEquals(List.of(), after.findings());
    assertEquals(3, after.documents());
  }

  @Test
  void check_interrupted_resumesFromItsCheckpoint_withWhatItFoundBefore() throws Exception {
    Workspace ws = copy();
    Files.delete(ws.store().resolve("documents/" + ids.get(0) + "/text.txt"));
    Path checkpoint = ws.root().resolve("checks").resolve("in-progress-all.json");
    try (Digitiser digitiser = open(ws)) {
      FixityAudit audit = new FixityAudit(digitiser.store(), digitiser.catalog(),
          ws.root().resolve("checks"), Clock.systemUTC(), 1, 2);
      assertThrows(IllegalStateException.class, () -> audit.run(FixityScope.everything(),
          (done, total, bytes) -> {
            if (done == 2) {
              throw new IllegalStateException("the machine went down");
            }
          }));
    }
    assertTrue(Files.exists(checkpoint), "the place it reached is kept");
    audit(ws, new FixityScope(OptionalInt.of(1), Optional.empty(), false, 0));
    audit(ws, new FixityScope(OptionalInt.empty(),
        Optional.of(java.time.Instant.parse("2020-01-01T00:00:00Z")), false, 0));
    assertTrue(Files.exists(checkpoint), "a sample or a dated audit leaves it alone");

    FixityResult resumed = audit(ws, FixityScope.everything());

    assertTrue(resumed.resumed());
    assertEquals(3, resumed.documents());
    assertEquals(Set.of("missing documents/" + ids.get(0) + "/text.txt"), named(resumed),
        "found before the interruption, kept in the checkpoint");
    assertFalse(Files.exists(checkpoint));
  }

  @Test
  void check_sample_checksThatManyDocuments_andNoOrphanWalk() throws Exception {
    Workspace ws = copy();
    Files.writeString(ws.store().resolve("originals/stray-upload.bin"), "nobody's");

    FixityResult result = audit(ws, new FixityScope(OptionalInt.of(2),
        Optional.empty(), false, 0));

    assertEquals(2, result.documents());
    assertEquals(List.of(), result.findings(), "a sample proves the sample, not the store");
  }

  /** Deletes a document's rows as a damaged or partly restored database would lack them. */
  private static void deleteCatalogRow(Workspace ws, DocumentId id) throws Exception {
    try (Connection c = DriverManager.getConnection(
        CatalogAddress.embedded(ws.catalog()).jdbcUrl(), "sa",
        CatalogAddress.embeddedPassword(ws.catalog()))) {
      List<String> tables = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.COLUMNS"
              + " WHERE COLUMN_NAME = 'DOCUMENT_ID' AND TABLE_SCHEMA = 'PUBLIC'")) {
        while (r.next()) {
          tables.add(r.getString(1));
        }
      }
      for (String table : tables) {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table
            + " WHERE document_id = ?")) {
          s.setString(1, id.value());
          s.executeUpdate();
        }
      }
      try (PreparedStatement s = c.prepareStatement("DELETE FROM documents WHERE id = ?")) {
        s.setString(1, id.value());
        assertEquals(1, s.executeUpdate());
      }
    }
  }
}
