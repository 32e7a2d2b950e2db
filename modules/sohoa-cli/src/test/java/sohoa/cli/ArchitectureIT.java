package sohoa.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of docs/ARCHITECTURE.md, over the main classes of every module: layers
 * point down, capability modules know only {@code core}, no package cycle, and each library is
 * wrapped in the one place that owns it; and the app folder brings no ImageIO plug-in. Named as
 * an integration test so that it runs beside the command tests, on the packaged jars, and not in
 * a JVM of its own before them while the other core waits (about 7 s of the suite).
 */
class ArchitectureIT {
  private static final List<String> CAPABILITIES = List.of("ocr", "pdf", "extract", "sign",
      "store", "catalog");
  private static JavaClasses sohoa;

  @BeforeAll
  static void importEveryModule() {
    // The modules' main classes, as jars or class folders, whichever the build hands the tests;
    // not their tests, nor the test kit.
    sohoa = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("-tests.jar")
            && !location.contains("sohoa-testkit"))
        .importPackages("sohoa");
  }

  @Test
  void layers_pointDown_fromTheCommandLineToCore() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("core").definedBy("sohoa.core..")
        .layer("capabilities").definedBy("sohoa.ocr..", "sohoa.pdf..", "sohoa.extract..",
            "sohoa.sign..", "sohoa.store..", "sohoa.catalog..")
        .layer("pipeline").definedBy("sohoa.pipeline..")
        .layer("archive").definedBy("sohoa.archive..")
        .layer("certify").definedBy("sohoa.certify..")
        .layer("app").definedBy("sohoa.app..")
        .layer("console").definedBy("sohoa.console..")
        .layer("server").definedBy("sohoa.server..")
        .layer("cli").definedBy("sohoa.cli..")
        .whereLayer("cli").mayNotBeAccessedByAnyLayer()
        .whereLayer("server").mayOnlyBeAccessedByLayers("cli")
        .whereLayer("app").mayOnlyBeAccessedByLayers("cli")
        .whereLayer("console").mayOnlyBeAccessedByLayers("server", "cli")
        .whereLayer("certify").mayOnlyBeAccessedByLayers("app", "console", "server", "cli")
        .whereLayer("archive").mayOnlyBeAccessedByLayers("app", "server", "cli")
        .whereLayer("pipeline").mayOnlyBeAccessedByLayers("archive", "certify", "app",
            "console", "server", "cli")
        .whereLayer("capabilities").mayOnlyBeAccessedByLayers("capabilities", "pipeline",
            "archive", "certify", "app", "console", "server", "cli")
        .check(sohoa);
  }

  /**
   * The commands ask {@code sohoa.app.Sohoa} for the store, the catalog and every service; none
   * opens a deployment or builds a service itself, so that wiring is decided in one place.
   */
  @Test
  void commands_askTheApplication_andBuildNoServiceOrConnectionThemselves() {
    Set<String> services = Set.of("sohoa.certify.CertificationService",
        "sohoa.certify.AbandonedNumbers", "sohoa.certify.RegisterRebuild",
        "sohoa.archive.fixity.FixityAudit", "sohoa.archive.transfer.BagExport",
        "sohoa.archive.transfer.BagImport", "sohoa.archive.report.JobReports",
        "sohoa.archive.migration.StoreMigration", "sohoa.pipeline.CatalogRebuild",
        "sohoa.pipeline.audit.AuditAnchor", "sohoa.pipeline.queue.Enqueuer",
        "sohoa.pipeline.Digitiser");
    Set<String> connections = Set.of("sohoa.store.address.StoreAddress",
        "sohoa.store.address.StoreAddress$Folder", "sohoa.store.address.StoreAddress$S3",
        "sohoa.catalog.CatalogAddress", "sohoa.catalog.Catalog");
    noClasses().that().resideInAPackage("sohoa.cli..").should().callCodeUnitWhere(
        DescribedPredicate.describe("a service's constructor or factory, or a store or catalog"
            + " opened", call -> services.contains(call.getTargetOwner().getName())
                && (call.getName().equals("<init>") || call.getName().equals("of")
                    || call.getName().equals("open") || call.getName().equals("over")
                    || call.getName().equals("embedded"))
            || connections.contains(call.getTargetOwner().getName())
                && call.getName().equals("open")))
        .check(sohoa);
  }

  @Test
  void capabilityModules_knowEachOtherOnlyThroughCore() {
    for (String module : CAPABILITIES) {
      String[] others = CAPABILITIES.stream().filter(m -> !m.equals(module))
          .map(m -> "sohoa." + m + "..").toArray(String[]::new);
      noClasses().that().resideInAPackage("sohoa." + module + "..")
          .should().dependOnClassesThat().resideInAnyPackage(others)
          .because("a capability talks to another only through core types; who calls whom is"
              + " decided in sohoa-pipeline")
          .check(sohoa);
    }
  }

  @Test
  void noModule_hasAPackageCycle() {
    slices().matching("sohoa.(**)").should().beFreeOfCycles().check(sohoa);
  }

  @Test
  void eachLibrary_isWrappedWhereTheModuleTableSays() {
    noClasses().that().resideOutsideOfPackage("sohoa.ocr.tesseract..")
        .should().dependOnClassesThat().resideInAPackage("net.sourceforge.tess4j..")
        .check(sohoa);
    noClasses().that().resideOutsideOfPackages("sohoa.extract..")
        .should().dependOnClassesThat().resideInAPackage("org.apache.tika..")
        .check(sohoa);
    noClasses().that().resideOutsideOfPackages("sohoa.cli..")
        .should().dependOnClassesThat().resideInAPackage("picocli..")
        .check(sohoa);
    noClasses().that().resideOutsideOfPackages("sohoa.store..")
        .should().dependOnClassesThat().resideInAPackage("io.minio..")
        .check(sohoa);
  }

  /**
   * The scans are decoded by the JDK's own readers: an ImageIO plug-in shipped in the app takes
   * over a format from them (jai-imageio's TIFF reader did, through Tess4J, and allocated each
   * strip's declared size before reading it: a 20 KB upload filled a 512 MB server's heap).
   */
  @Test
  void appFolder_shipsNoImageIoPlugin() throws IOException {
    List<String> plugins = new ArrayList<>();
    int read = 0;
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(
        SohoaProcess.ROOT.resolve("modules/sohoa-cli/target/lib"), "*.jar")) {
      for (Path jar : jars) {
        read++;
        try (JarFile file = new JarFile(jar.toFile())) {
          file.stream().map(JarEntry::getName)
              .filter(name -> name.startsWith("META-INF/services/javax.imageio.spi."))
              .forEach(service -> plugins.add(jar.getFileName() + ": " + service));
        }
      }
    }
    assertTrue(read > 50, "the app folder was read: " + read + " jars");
    assertEquals(List.of(), plugins);
  }
}
