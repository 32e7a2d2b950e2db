package sohoa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohoa.testkit.db.PostgresDatabase;
import sohoa.testkit.s3.S3ProxyServer;

/**
 * A shared deployment end to end: digitize into an S3 bucket (S3Proxy over HTTP) and a PostgreSQL
 * catalog; a second machine reuses the record instead of redoing it; the catalog is rebuilt from
 * the store into an empty database with nothing lost; an embedded data folder is migrated in.
 */
class SharedDeploymentIT {
  private static final Map<String, String> KEYS = Map.of(
      "SOHOA_S3_ACCESS_KEY", S3ProxyServer.ACCESS_KEY,
      "SOHOA_S3_SECRET_KEY", S3ProxyServer.SECRET_KEY);

  @TempDir Path dir;

  @Test
  void digitizeToS3AndPostgres_reuseElsewhere_rebuildTheCatalog_migrateAFolder() throws Exception {
    Path scan = SohoaProcess.ROOT.resolve("samples/scans/01-quyet-dinh-ubnd-xa.tif");
    Path other = SohoaProcess.ROOT.resolve("samples/scans/03-cong-van-hai-trang.pdf");
    try (S3ProxyServer s3 = S3ProxyServer.start(dir.resolve("s3"));
        PostgresDatabase catalog = PostgresDatabase.create();
        PostgresDatabase rebuilt = PostgresDatabase.create()) {
      String store = "s3://so-hoa-tinh/luu-tru?endpoint=" + s3.endpoint();

      SohoaProcess.Result first = SohoaCli.run(KEYS, "digitize", scan.toString(),
          "--data", dir.resolve("may-1").toString(), "--store", store, "--catalog",
          catalog.url());
      assertEquals(0, first.exitCode(), first.err());
      assertTrue(first.err().contains("has no object lock"), first.err());
      SohoaProcess.Result second = SohoaCli.run(KEYS, "digitize", scan.toString(),
          "--data", dir.resolve("may-2").toString(), "--store", store, "--catalog",
          catalog.url(), "--json");
      assertEquals(0, second.exitCode(), second.err());
      assertTrue(second.out().contains("\"reused\" : 1"), "another machine reuses the record: "
          + second.out());

      SohoaProcess.Result rebuild = SohoaCli.run(KEYS, "catalog", "rebuild", "--data",
          dir.resolve("may-3").toString(), "--store", store, "--catalog", rebuilt.url());
      assertEquals(0, rebuild.exitCode(), rebuild.out() + rebuild.err());
      assertTrue(rebuild.out().contains("1 documents recorded"), rebuild.out());
      for (String url : new String[] {catalog.url(), rebuilt.url()}) {
        SohoaProcess.Result found = SohoaCli.run(KEYS, "search", "quyet dinh",
            "--data", dir.resolve("may-3").toString(), "--catalog", url, "--json");
        assertEquals(0, found.exitCode(), found.err());
        assertTrue(found.out().contains("01-quyet-dinh-ubnd-xa.tif"), found.out());
      }

      SohoaProcess.Result local = SohoaCli.run("digitize", other.toString(), "--data",
          dir.resolve("xa").toString());
      assertEquals(0, local.exitCode(), local.err());
      SohoaProcess.Result migrate = SohoaCli.run(KEYS, "migrate", "--from",
          dir.resolve("xa").toString(), "--store", store, "--catalog", catalog.url());
      assertEquals(0, migrate.exitCode(), migrate.out() + migrate.err());
      assertTrue(migrate.out().contains("1 documents recorded"), migrate.out());
      SohoaProcess.Result again = SohoaCli.run(KEYS, "migrate", "--from",
          dir.resolve("xa").toString(), "--store", store, "--catalog", catalog.url());
      assertTrue(again.out().contains(" 0 objects copied"), "resumable: " + again.out());
      SohoaProcess.Result both = SohoaCli.run(KEYS, "search", "", "--data",
          dir.resolve("may-3").toString(), "--catalog", catalog.url(), "--json");
      assertTrue(both.out().contains("03-cong-van-hai-trang.pdf")
          && both.out().contains("01-quyet-dinh-ubnd-xa.tif"), both.out());
    }
  }
}
