package sohoa.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import sohoa.app.Sohoa;
import sohoa.certify.RegisterRebuild;
import sohoa.core.error.ExitStatus;
import sohoa.pipeline.CatalogRebuild;

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
          + "(documents/<id>/manifest.json), then puts every issued certified copy back in the "
          + "register (copies/<id>/manifest.json), e.g. into an empty database after a loss or "
          + "for a new shared catalog. What is already catalogued is left as it is; run it "
          + "again after an interruption. Voided register numbers have no copy in the store: "
          + "they are listed as gaps."},
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
      RegisterRebuild.Result copies;
      try (Sohoa sohoa = data.open(Clock.systemDefaultZone())) {
        result = sohoa.catalogRebuild().run();
        copies = sohoa.registerRebuild().run();
      }
      result.problems().forEach(p -> out.println("not recorded: " + p));
      copies.problems().forEach(p -> out.println("not put back: " + p));
      copies.gaps().forEach(g -> out.println("register numbers with no stored copy (voided or"
          + " lost; see the paper book): " + g));
      out.printf("catalog rebuilt from %s: %d documents recorded (with %d corrections), %d"
          + " already there, %d not readable; %d certified copies put back in the register, %d"
          + " already there%n", data.storeAddress(), result.recorded(), result.corrections(),
          result.present(), result.problems().size(), copies.restored(), copies.present());
      out.flush();
      return result.problems().isEmpty() && copies.problems().isEmpty() ? ExitStatus.OK.code()
          : ExitStatus.SOME_FAILED.code();
    }
  }
}
