package sohoa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gov.loc.repository.bagit.reader.BagReader;
import gov.loc.repository.bagit.verify.BagVerifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohoa.catalog.Catalog;
import sohoa.catalog.CatalogAddress;
import sohoa.catalog.DocumentRecord;
import sohoa.catalog.SearchHit;
import sohoa.catalog.SearchQuery;
import sohoa.testkit.db.PostgresDatabase;
import sohoa.testkit.ocr.ScriptedEngine;
import sohoa.testkit.s3.S3ProxyServer;

/**
 * What a records office does with an archive once it is built: reads a job's report, proves the
 * archive whole ({@code sohoa check}), sends documents to another system as a BagIt bag and loads
 * them into a shared S3 + PostgreSQL deployment with nothing lost.
 */
@Order(Lanes.BACK)
class ArchiveOperationsIT {
  private static final Map<String, String> KEYS = Map.of(
      "SOHOA_S3_ACCESS_KEY", S3ProxyServer.ACCESS_KEY,
      "SOHOA_S3_SECRET_KEY", S3ProxyServer.SECRET_KEY);

  @TempDir Path dir;

  @Test
  void report_check_exportAsBag_importIntoS3AndPostgres_checkAgain() throws Exception {
    Path xa = dir.resolve("xa");
    // What is kept, checked and moved here is bytes: the scans' text is not this test's concern,
    // so they are read as blank pages, without Tesseract.
    SohoaProcess.Result digitized = SohoaCli.run(ScriptedEngine.reading(), Map.of(), "digitize",
        SohoaProcess.ROOT.resolve("samples/scans").toString(), "--data", xa.toString(), "--json");
    assertEquals(0, digitized.exitCode(), digitized.err());
    String job = new ObjectMapper().readTree(digitized.out()).get("job").asText();
    assertTrue(Files.isRegularFile(xa.resolve("jobs").resolve(job).resolve("report.html")),
        "the report is written beside summary.json");
    Path again = dir.resolve("bao-cao.html");
    SohoaProcess.Result report = SohoaCli.run("jobs", "report", job, "--data",
        xa.toString(), "-o", again.toString());
    assertEquals(0, report.exitCode(), report.err());
    assertTrue(Files.readString(again).contains("01-quyet-dinh-ubnd-xa.tif"));

    SohoaProcess.Result clean = SohoaCli.run("check", "--data", xa.toString(), "--json");
    assertEquals(0, clean.exitCode(), clean.out() + clean.err());
    JsonNode checked = new ObjectMapper().readTree(clean.out());
    assertEquals(5, checked.get("documents").asInt());
    assertTrue(checked.get("clean").asBoolean());

    Path folderBag = dir.resolve("goi-chuyen-giao");
    Path zipBag = dir.resolve("goi-chuyen-giao.zip");
    for (Path bag : new Path[] {folderBag, zipBag}) {
      SohoaProcess.Result export = SohoaCli.run("export", "--all", "--organization",
          "UBND xã Xuân Lai", "-o", bag.toString(), "--data", xa.toString());
      assertEquals(0, export.exitCode(), export.err());
      assertTrue(export.out().startsWith("5 documents"), export.out());
    }
    try (BagVerifier verifier = new BagVerifier()) {
      verifier.isValid(new BagReader().read(folderBag), false);
    }
    assertTrue(Files.readString(folderBag.resolve("bag-info.txt"))
        .contains("Source-Organization: UBND xã Xuân Lai"));

    try (S3ProxyServer s3 = S3ProxyServer.start(dir.resolve("s3"));
        PostgresDatabase database = PostgresDatabase.create()) {
      String store = "s3://luu-tru-tinh?endpoint=" + s3.endpoint();
      String[] shared = {"--data", dir.resolve("tinh").toString(), "--store", store,
          "--catalog", database.url()};
      SohoaProcess.Result imported = SohoaCli.run(KEYS, concat(
          new String[] {"import", zipBag.toString()}, shared));
      assertEquals(0, imported.exitCode(), imported.out() + imported.err());
      assertTrue(imported.out().contains("5 documents catalogued"), imported.out());
      SohoaProcess.Result twice = SohoaCli.run(KEYS, concat(
          new String[] {"import", folderBag.toString()}, shared));
      assertTrue(twice.out().contains("0 documents catalogued, 5 already there"), twice.out());

      SohoaProcess.Result sharedCheck = SohoaCli.run(KEYS, concat(
          new String[] {"check"}, shared));
      assertEquals(0, sharedCheck.exitCode(), sharedCheck.out() + sharedCheck.err());
      try (Catalog embedded = Catalog.embedded(xa.resolve("catalog"));
          Catalog loaded = Catalog.open(database.url())) {
        assertEquals(hashes(embedded), hashes(loaded), "same documents, same artifact hashes");
      }

      // And back: from the shared deployment into a new embedded data folder.
      Path back = dir.resolve("tra-ve.zip");
      SohoaProcess.Result exported = SohoaCli.run(KEYS, concat(
          new String[] {"export", "--all", "-o", back.toString()}, shared));
      assertEquals(0, exported.exitCode(), exported.err());
      Path home = dir.resolve("xa-moi");
      SohoaProcess.Result loadedBack = SohoaCli.run("import", back.toString(),
          "--data", home.toString());
      assertEquals(0, loadedBack.exitCode(), loadedBack.err());
      assertEquals(0, SohoaCli.run("check", "--data", home.toString()).exitCode());
      try (Catalog embedded = Catalog.embedded(xa.resolve("catalog"));
          Catalog returned = Catalog.embedded(home.resolve("catalog"))) {
        assertEquals(hashes(embedded), hashes(returned), "the round trip loses nothing");
      }

      Path stored = s3.bucketFolder("luu-tru-tinh").resolve("documents");
      Path pdfa;
      try (var files = Files.walk(stored)) {
        pdfa = files.filter(p -> p.getFileName().toString().equals("pdfa.pdf")).sorted()
            .findFirst().orElseThrow();
      }
      byte[] bytes = Files.readAllBytes(pdfa);
      bytes[bytes.length / 2] ^= 0x01;
      Files.write(pdfa, bytes);
      SohoaProcess.Result damaged = SohoaCli.run(KEYS, concat(
          new String[] {"check"}, shared));
      assertEquals(3, damaged.exitCode(), damaged.out() + damaged.err());
      assertTrue(damaged.out().contains("corrupt  documents/"
          + pdfa.getParent().getFileName() + "/pdfa.pdf"), damaged.out());
    }

    // Damage of four kinds in the embedded store: each is named, and the audit exits 3.
    Path store = xa.resolve("store");
    List<String> ids;
    try (var folders = Files.list(store.resolve("documents"))) {
      ids = folders.map(f -> f.getFileName().toString()).sorted().toList();
    }
    Path flipped = store.resolve("documents/" + ids.get(0) + "/pdfa.pdf");
    byte[] pdf = Files.readAllBytes(flipped);
    pdf[pdf.length / 2] ^= 0x01;
    Files.write(flipped, pdf);
    Files.delete(store.resolve("documents/" + ids.get(1) + "/text.txt"));
    Files.writeString(store.resolve("originals/khong-ro-nguon.bin"), "?");
    try (Connection c = DriverManager.getConnection(CatalogAddress.embedded(
        xa.resolve("catalog")).jdbcUrl(), "sa",
        CatalogAddress.embeddedPassword(xa.resolve("catalog")))) {
      List<String> tables = new java.util.ArrayList<>();
      try (var r = c.createStatement().executeQuery("SELECT TABLE_NAME FROM"
          + " INFORMATION_SCHEMA.COLUMNS WHERE COLUMN_NAME = 'DOCUMENT_ID'"
          + " AND TABLE_SCHEMA = 'PUBLIC'")) {
        while (r.next()) {
          tables.add(r.getString(1));
        }
      }
      tables.add("documents");
      for (String table : tables) {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE "
            + (table.equals("documents") ? "id" : "document_id") + " = ?")) {
          s.setString(1, ids.get(2));
          s.executeUpdate();
        }
      }
    }
    SohoaProcess.Result damage = SohoaCli.run("check", "--data", xa.toString());
    assertEquals(3, damage.exitCode(), damage.out() + damage.err());
    for (String named : List.of("corrupt  documents/" + ids.get(0) + "/pdfa.pdf",
        "missing  documents/" + ids.get(1) + "/text.txt", "orphan  originals/khong-ro-nguon.bin",
        "uncatalogued  documents/" + ids.get(2) + "/manifest.json")) {
      assertTrue(damage.out().contains(named), named + " in:\n" + damage.out());
    }

    Path tampered = folderBag.resolve("data/catalog").toFile().listFiles()[0].toPath();
    Files.writeString(tampered, "{}");
    SohoaProcess.Result refused = SohoaCli.run("import", folderBag.toString(), "--data",
        dir.resolve("kho-moi").toString());
    assertEquals(3, refused.exitCode(), refused.err());
    assertTrue(refused.err().contains("is damaged") && refused.err().contains("nothing was loaded"),
        refused.err());
  }

  /** Every catalogued document's artifacts, as kind to SHA-256, by document id. */
  private static Map<String, Set<String>> hashes(Catalog catalog) throws Exception {
    Map<String, Set<String>> hashes = new TreeMap<>();
    for (SearchHit hit : catalog.search().hits(new SearchQuery("", Map.of(), java.util.Optional.empty(),
        java.util.Optional.empty(), 1, 500))) {
      DocumentRecord d = catalog.documents().find(hit.id()).orElseThrow();
      hashes.put(d.id().value(), d.artifacts().stream()
          .map(a -> a.kind() + " " + a.sha256().hex()).collect(Collectors.toSet()));
    }
    return hashes;
  }

  private static String[] concat(String[] first, String[] second) {
    String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }
}
