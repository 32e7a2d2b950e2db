package sohoa.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;
import sohoa.app.Sohoa;
import sohoa.core.error.ExitStatus;
import sohoa.archive.transfer.BagImport;

/** {@code sohoa import}: a BagIt transfer package into the store and catalog. */
@Command(name = "import", mixinStandardHelpOptions = true,
    versionProvider = SohoaCommand.Version.class,
    description = {"Verifies a BagIt bag (folder or .zip) written by 'sohoa export' against its "
        + "own checksums, then loads its documents into the store and catalog. Nothing is loaded "
        + "from a bag that fails. Run it again after an interruption: what is there is kept."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:loaded", "1:the store or catalog failed", "2:usage or configuration"
        + " error", "3:the bag is damaged or not a bag (nothing loaded)"})
final class ImportCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "BAG", description = "the bag's folder, or a .zip holding it")
  Path bag;

  @Mixin DataFolder data;

  @Override
  public Integer call() throws Exception {
    BagImport.Result result;
    try (Sohoa sohoa = data.open(Clock.systemDefaultZone())) {
      result = sohoa.bagImport().load(bag);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("bag verified; %d documents catalogued, %d already there; %d objects stored, %d"
        + " already there%n", result.recorded(), result.present(), result.stored(), result.kept());
    out.flush();
    return ExitStatus.OK.code();
  }
}
