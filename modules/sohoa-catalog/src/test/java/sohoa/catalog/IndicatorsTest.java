package sohoa.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import sohoa.core.document.ContentHash;
import sohoa.core.document.CopyId;

/**
 * The indicators, counted from a catalog of known content: months in Vietnam time, agencies from
 * the records' headers, each figure from its own table, a scoped reader limited to its agency.
 */
class IndicatorsTest {
  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
  /** 03:00 on 8 October 2024 in Hanoi is still the 7th in UTC: months are counted in Vietnam. */
  private static final Instant OCTOBER = Instant.parse("2024-10-07T20:00:00Z");
  private static final Instant NOVEMBER = Instant.parse("2024-11-20T03:00:00Z");

  @TempDir Path dir;

  @EveryCatalog
  void indicators_countEachAgencysMonth_fromItsOwnTables(String database) throws Exception {
    try (TestCatalogs catalogs = new TestCatalogs(database, dir);
        Catalog catalog = catalogs.open()) {
      DocumentRecord signed = made(TestDocuments.document("a"), OCTOBER, true);
      DocumentRecord plain = made(TestDocuments.document("b"), OCTOBER, false);
      DocumentRecord later = made(TestDocuments.document("c"), NOVEMBER, false);
      for (DocumentRecord d : List.of(signed, plain, later)) {
        catalog.documents().record(d);
      }
      AuditTrail trail = catalog.auditTrail(Clock.fixed(NOVEMBER, ZoneOffset.UTC));
      for (int i = 0; i < 3; i++) {
        trail.record(new AuditTrail.Entry("cong-dich-vu", "retrieve", later.id().value(),
            Optional.empty(), "GET content"));
      }
      trail.record(new AuditTrail.Entry("cong-dich-vu", "search", "quyet dinh", Optional.empty(),
          ""));
      catalog.jobs().start("lan-2", NOVEMBER, 1);
      catalog.jobs().record("lan-2", new JobItem("quyet-dinh.tif", JobItem.Status.REUSED,
          Optional.of(signed.id()), Optional.empty(), Optional.empty(), Optional.empty()));
      RegisterEntry reserved = catalog.register().reserve(new RegisterBook("ben-nghe", "01",
          2024), CopyId.random(new SecureRandom()), plain.id(), "Lê Văn Tâm", "Phó Chủ tịch",
          "UBND xã Định Hòa", "Nguyễn Văn An", NOVEMBER);
      catalog.register().issue(reserved, 1, "copies/x/certified.pdf", ContentHash.of(
          new byte[] {7}), NOVEMBER);

      List<Indicators.Month> all = catalog.indicators().of(Year.of(2024), VIETNAM,
          Optional.empty());
      List<Indicators.Month> scoped = catalog.indicators().of(Year.of(2024), VIETNAM,
          Optional.of("Sở Tài chính"));

      String agency = "UBND XÃ ĐỊNH HÒA";
      assertEquals(List.of(
          new Indicators.Month(agency, YearMonth.of(2024, 10), 2, 1, 0, 0, 0),
          new Indicators.Month(agency, YearMonth.of(2024, 11), 1, 0, 1, 3, 1)), all);
      assertEquals(Optional.of(0.5), all.get(0).signedShare());
      assertEquals(Optional.of(5 / 6.0), all.get(1).reuseShare());
      assertEquals(List.of(), scoped, "another agency's reader counts none of these");
      assertEquals(List.of(), catalog.indicators().of(Year.of(2023), VIETNAM, Optional.empty()));
    }
  }

  /** {@code d} as made at {@code at}, with a sealed copy when {@code sealed}. */
  private static DocumentRecord made(DocumentRecord d, Instant at, boolean sealed) {
    List<ArtifactRecord> artifacts = new ArrayList<>(d.artifacts());
    if (sealed) {
      artifacts.add(new ArtifactRecord("signed", "documents/" + d.id() + "/signed.pdf",
          ContentHash.of(new byte[] {3}), 2345));
    }
    return new DocumentRecord(d.id(), d.original(), d.sourceName(), d.mediaType(),
        d.pageCount(), d.meanConfidence(), d.fullText(), d.manifest(), at, artifacts, d.pages(),
        d.kind(), d.fields(), d.file());
  }
}
