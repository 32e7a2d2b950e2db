package sohoa.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sohoa.catalog.CatalogAddress;
import sohoa.core.i18n.Messages;
import sohoa.extract.file.TestMetadataReader;
import sohoa.pipeline.Deployment;
import sohoa.pipeline.DigitizeOptions;
import sohoa.pipeline.Digitiser;
import sohoa.pipeline.DocumentOutcome;
import sohoa.pipeline.PipelineListener;
import sohoa.pipeline.Workspace;
import sohoa.store.address.StoreAddress;
import sohoa.store.s3.Backoff;
import sohoa.store.s3.S3Credentials;
import sohoa.store.s3.S3Location;
import sohoa.testkit.fixtures.Fixtures;
import sohoa.testkit.fixtures.ScanDefects;
import sohoa.testkit.fixtures.ScanFiles;
import sohoa.testkit.ocr.ScriptedEngine;
import sohoa.testkit.s3.S3ProxyServer;

class SohoaTest {
  private final List<String> warnings = new ArrayList<>();
  @TempDir Path dir;

  private Sohoa over(Workspace workspace, Deployment deployment, Fixtures.Rendered... known) {
    return Sohoa.over(workspace, deployment, Messages.forOfficers(), Clock.systemUTC(),
        Optional.of(ScriptedEngine.reading(known)), Optional.of(TestMetadataReader.shared()),
        warnings::add);
  }

  @Test
  void commandThatOnlyReadsTheCatalog_neverOpensTheStore() throws Exception {
    Path store = dir.resolve("kho");
    Deployment deployment = new Deployment(new StoreAddress.Folder(store),
        CatalogAddress.embedded(dir.resolve("so-muc")));
    try (Sohoa sohoa = over(new Workspace(dir.resolve("data")), deployment)) {
      assertEquals(0, sohoa.catalog().documents().count());
      assertSame(sohoa.catalog(), sohoa.catalog(), "opened once");
    }
    assertFalse(Files.exists(store), "the store was opened");
  }

  @Test
  void digitiser_writesIntoTheApplicationsStoreAndCatalog_whichOutliveIt() throws Exception {
    Fixtures.Rendered notice = Fixtures.render(Fixtures.NOTICE, 200, ScanDefects.NONE);
    Path scan = dir.resolve("thong-bao.png");
    ScanFiles.png(notice.pages().get(0), 200, scan);
    Workspace workspace = Workspace.create(dir.resolve("data"));
    DocumentOutcome outcome;
    try (Sohoa sohoa = over(workspace, Deployment.embedded(workspace), notice)) {
      try (Digitiser digitiser = sohoa.digitiser(DigitizeOptions.defaults(), Optional.empty())) {
        assertSame(sohoa.catalog(), digitiser.catalog());
        assertSame(sohoa.store(), digitiser.store());
        outcome = digitiser.pipeline().process(scan, PipelineListener.NONE);
      }
      // The digitiser is closed; the application's catalog is still open and holds its work.
      DocumentOutcome.Digitised done = assertInstanceOf(DocumentOutcome.Digitised.class, outcome);
      assertTrue(sohoa.catalog().documents().find(done.id()).isPresent());
      assertEquals(1, sohoa.catalog().documents().count());
    }
    try (Sohoa again = over(workspace, Deployment.embedded(workspace))) {
      assertEquals(1, again.catalog().documents().count(), "closed cleanly, opened again");
    }
    assertEquals(List.of(), warnings);
  }

  @Test
  void bucketWithoutObjectLock_isWarnedAboutOnce_whenTheStoreIsFirstUsed() throws Exception {
    try (S3ProxyServer s3 = S3ProxyServer.start(dir.resolve("s3"))) {
      Deployment deployment = new Deployment(new StoreAddress.S3(
          S3Location.parse("s3://kho-luu-tru?endpoint=" + s3.endpoint()),
          new S3Credentials(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY), Backoff.DEFAULT),
          CatalogAddress.embedded(dir.resolve("so-muc")));
      try (Sohoa sohoa = over(new Workspace(dir.resolve("data")), deployment)) {
        sohoa.catalog();
        assertEquals(List.of(), warnings, "nothing said before the store is used");
        assertSame(sohoa.store(), sohoa.store());
      }
    }
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).contains("kho-luu-tru has no object lock"), warnings.get(0));
  }
}
