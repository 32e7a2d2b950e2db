package sohoa.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohoa.catalog.Catalog;
import sohoa.catalog.Correction;
import sohoa.catalog.SearchQuery;
import sohoa.core.document.DocumentId;
import sohoa.extract.file.TestMetadataReader;

/**
 * Officers' corrections kept in the store, and back in a catalog rebuilt from it (that the fixity
 * audit knows them is sohoa-archive's FixityAuditTest).
 */
class StoredCorrectionsTest {
  private static final Instant AT = Instant.parse("2026-11-29T03:00:00Z");
  @TempDir Path dir;

  @Test
  void corrections_surviveACatalogRebuiltFromTheStore() throws Exception {
    Path data = dir.resolve("data");
    SyntheticArchive.main(new String[] {data.toString(), "1"});
    try (Digitiser digitiser = Digitiser.embedded(Workspace.create(data),
        DigitizeOptions.defaults(), TestMetadataReader.shared(),
        Clock.systemUTC())) {
      DocumentId id = digitiser.catalog().documents().ids(Optional.empty(), Optional.empty(),
          1).get(0);
      StoredCorrections corrections = new StoredCorrections(digitiser.store(), digitiser.catalog());
      corrections.correct(id, Optional.of("number"), 0, "12/QĐ-UBND", "lan", AT);
      corrections.correct(id, Optional.empty(), 1, "Quyết định về việc cấp phép", "lan",
          AT.plusSeconds(30));
      assertTrue(corrections.correct(id, Optional.of("number"), 0, "12/QĐ-UBND", "lan",
          AT.plusSeconds(60)).isEmpty(), "the same value again is no new version");

      try (Catalog rebuilt = Catalog.embedded(dir.resolve("rebuilt"))) {
        CatalogRebuild.Result result = new CatalogRebuild(digitiser.store(), rebuilt).run();

        assertEquals(2, result.corrections());
        List<Correction> history = rebuilt.corrections().history(id);
        assertEquals(List.of(2, 1), history.stream().map(Correction::version).toList());
        assertEquals(digitiser.catalog().corrections().history(id), history);
        assertEquals(1, rebuilt.search().hits(new SearchQuery("quyet dinh cap phep",
            Map.of("number", "12/qd-ubnd"), Optional.empty(), Optional.empty(), 1, 10)).size());
      }
    }
  }
}
