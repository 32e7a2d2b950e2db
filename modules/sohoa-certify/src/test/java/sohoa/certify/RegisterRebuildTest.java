package sohoa.certify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohoa.catalog.Catalog;
import sohoa.catalog.RegisterEntry;
import sohoa.core.document.CopyId;
import sohoa.core.document.DocumentId;
import sohoa.core.error.SigningFailure;
import sohoa.core.event.EventSink;
import sohoa.pipeline.CatalogRebuild;
import sohoa.pipeline.Digitiser;
import sohoa.sign.TestPki;
import sohoa.sign.pades.PadesSigner;
import sohoa.sign.pades.SignatureLevel;
import sohoa.sign.pades.TimestampAuthority;

/** The register rebuilt from the store into an empty catalog, after the catalog was lost. */
class RegisterRebuildTest {
  private static final Clock DAY =
      Clock.fixed(Instant.parse("2026-03-02T02:00:00Z"), ZoneOffset.UTC);
  @TempDir Path dir;

  @Test
  void rebuild_putsIssuedCopiesBack_reportsTheVoidedGap_andNumberingGoesOnAfterThem()
      throws Exception {
    try (TestPki pki = TestPki.start(dir.resolve("pki"));
        Digitiser digitiser = Originals.deployment(dir.resolve("data"))) {
      DocumentId original = Originals.notice(digitiser, dir.resolve("scans"));
      CertificationService service = service(digitiser, new CopySigning(pki.signer("officer"),
          pki.signer("agency"), SignatureLevel.B_T));
      CertificationService failing = service(digitiser, new CopySigning(pki.signer("officer"),
          new PadesSigner(pki.identity("agency"), Optional.of(TimestampAuthority.at(
              URI.create("http://127.0.0.1:9/tsa"))), List.of(pki.root())),
          SignatureLevel.B_T));
      CertificationRequest request = new CertificationRequest(original,
          new Officer("Nguyễn Thị Hoa", "Phó Chủ tịch"), "Văn phòng Ủy ban nhân dân tỉnh Thanh Hóa",
          "ben-nghe", "01", Placement.PAGE);
      service.issue(request);
      service.issue(request);
      assertThrows(SigningFailure.class, () -> failing.issue(request));
      service.issue(request);
      List<RegisterEntry> before = digitiser.catalog().register().entries("ben-nghe", 2026);

      try (Catalog empty = Catalog.embedded(dir.resolve("new-catalog"))) {
        new CatalogRebuild(digitiser.store(), empty).run();
        RegisterRebuild.Result result = new RegisterRebuild(digitiser.store(), empty.register())
            .run();

        assertEquals(3, result.restored());
        assertEquals(List.of("ben-nghe 2026: [3]"), result.gaps());
        List<RegisterEntry> after = empty.register().entries("ben-nghe", 2026);
        assertEquals(before.stream().filter(e -> e.status() == RegisterEntry.Status.ISSUED)
            .map(e -> e.number() + " " + e.copyId() + " " + e.sha256().orElseThrow())
            .toList(), after.stream()
            .map(e -> e.number() + " " + e.copyId() + " " + e.sha256().orElseThrow()).toList());
        assertEquals(5, empty.register().reserve(after.get(0).book(),
            CopyId.random(new SecureRandom()), original,
            "Lê Văn Tâm", "Phó Chủ tịch", "Ủy ban nhân dân phường Bến Nghé", "test:1:1",
            DAY.instant()).number(), "numbering goes on after the highest number put back");
        assertEquals(0, new RegisterRebuild(digitiser.store(), empty.register()).run().restored(),
            "a second rebuild puts nothing back twice");
      }
    }
  }

  private CertificationService service(Digitiser digitiser, CopySigning signing) throws Exception {
    return new CertificationService(digitiser.catalog(), digitiser.store(), signing,
        CopyFonts.locate(),
        URI.create("https://chungthuc.test"), dir.resolve("data/work"), DAY, EventSink.NONE);
  }
}
