package sohoa.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import sohoa.catalog.Catalog;
import sohoa.core.error.ExitStatus;
import sohoa.pipeline.CatalogRebuild;
import sohoa.store.ObjectStore;

/** {@code sohoa catalog rebuild}: the catalog from the manifests in the store. */
@Command(name = "catalog", mixinStandardHelpOptions = true,
    versionProvider = SohoaCommand.Version.class,
    description = "The catalog: the index of what the store holds.",
    subcommands = CatalogCommand.Rebuild.class)
final class CatalogCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  @Command(name = "rebuild", mixinStandardHelpOptions = true,
      description = {"Records in the catalog every document whose manifest is in the store "
          + "(documents/<id>/manifest.json), e.g. into an empty database after a loss or for a "
          + "new shared catalog. Documents already catalogued are left as they are; run it "
          + "again after an interruption."},
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:every manifest was read", "1:some manifests could not be read (listed)",
        "2:usage or configuration error"})
  static final class Rebuild implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Mixin DataFolder data;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      CatalogRebuild.Result result;
      ObjectStore store = data.openStore(spec.commandLine().getErr());
      try (Catalog catalog = data.catalogAddress().open()) {
        result = new CatalogRebuild(store, catalog).run();
      }
      result.problems().forEach(p -> out.println("not recorded: " + p));
      out.printf("catalog rebuilt from %s: %d documents recorded, %d already there, %d not"
          + " readable%n", data.storeAddress(), result.recorded(), result.present(),
          result.problems().size());
      out.flush();
      return result.problems().isEmpty() ? ExitStatus.OK.code()
          : ExitStatus.SOME_FAILED.code();
    }
  }
}
