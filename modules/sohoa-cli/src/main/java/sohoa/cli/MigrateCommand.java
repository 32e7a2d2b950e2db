package sohoa.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sohoa.app.Sohoa;
import sohoa.core.error.ConfigurationError;
import sohoa.core.error.ExitStatus;
import sohoa.pipeline.CatalogRebuild;
import sohoa.archive.migration.StoreMigration;
import sohoa.pipeline.Workspace;

/** {@code sohoa migrate --from DIR --to s3://...}: an embedded data folder into a shared store. */
@Command(name = "migrate", mixinStandardHelpOptions = true,
    versionProvider = SohoaCommand.Version.class,
    description = {"Copies an embedded data folder's store into a shared one (every object read "
        + "back and checked by SHA-256) and records its documents in the shared catalog "
        + "(--catalog). Resumable: objects already there with the same hash are not copied "
        + "again. The source is left as it was."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:everything copied and verified", "1:some objects failed (listed; run "
        + "again)", "2:usage or configuration error"})
final class MigrateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--from", paramLabel = "DIR", required = true,
      description = "the embedded data folder to copy")
  Path from;

  /** --to is the target store, --catalog the target catalog: DataFolder's own options. */
  @Mixin DataFolder target;

  @Override
  public Integer call() throws Exception {
    if (target.store == null || target.catalog == null) {
      throw new ConfigurationError("say where to migrate to: a shared store and catalog",
          "give --store s3://bucket?endpoint=URL and --catalog jdbc:postgresql://host/db");
    }
    Workspace source = new Workspace(from);
    if (!Files.isDirectory(source.store())) {
      throw new ConfigurationError("there is no sohoa data folder at " + from,
          "give the folder 'sohoa digitize --data' wrote to");
    }
    PrintWriter out = spec.commandLine().getOut();
    StoreMigration.Result copied;
    CatalogRebuild.Result recorded;
    try (Sohoa sohoa = target.openExisting(Clock.systemDefaultZone())) {
      copied = sohoa.migrationFrom(source).run((key, skipped) -> {
        if (!skipped) {
          out.println("copied  " + key);
          out.flush();
        }
      });
      copied.problems().forEach(p -> out.println("failed  " + p));
      recorded = sohoa.catalogRebuild().run();
    }
    recorded.problems().forEach(p -> out.println("not recorded: " + p));
    out.printf("migrated %s to %s: %d objects copied (%d bytes), %d already there, %d failed;"
        + " catalog %s: %d documents recorded, %d already there%n", from, target.storeAddress(),
        copied.copied(), copied.bytes(), copied.alreadyThere(), copied.problems().size(),
        target.catalogAddress(), recorded.recorded(), recorded.present());
    out.flush();
    return copied.problems().isEmpty() && recorded.problems().isEmpty() ? ExitStatus.OK.code()
        : ExitStatus.SOME_FAILED.code();
  }
}
