package sohoa.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import sohoa.core.error.ExitStatus;
import sohoa.core.error.SohoaException;
import sohoa.pipeline.SohoaVersion;

/** The top-level command: lists the subcommands and maps failures to exit codes. */
@Command(name = "sohoa",
    mixinStandardHelpOptions = true,
    versionProvider = SohoaCommand.Version.class,
    description = "Digitises Vietnamese records: OCR, archival PDF/A, storage for reuse.",
    subcommands = {DigitizeCommand.class, ShowCommand.class, SearchCommand.class,
        SignCommand.class, ExtendCommand.class, VerifyCommand.class, CertifyCommand.class,
        RegisterCommand.class, CatalogCommand.class, MigrateCommand.class, ServeCommand.class,
        KeysCommand.class, OfficersCommand.class, AuditCommand.class, PkiCommand.class,
        EnqueueCommand.class, WorkerCommand.class, WatchCommand.class, JobsCommand.class,
        CheckCommand.class, ExportCommand.class, ImportCommand.class,
        CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:everything asked for was done",
      "1:some documents failed; the rest are done and reported",
      "2:usage or configuration error; nothing was done",
      "3:verification failed"})
final class SohoaCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The command line, its commands seeing {@code environment}. */
  static CommandLine commandLine(Environment environment) {
    CommandLine commandLine = new CommandLine(new SohoaCommand(), environment.factory());
    commandLine.setExitCodeExceptionMapper(SohoaCommand::exitCode);
    commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
      if (e instanceof SohoaException failure) {
        cl.getErr().println("sohoa: " + failure.getMessage());
        cl.getErr().println("  what to do: " + failure.remedy());
      } else {
        cl.getErr().println("sohoa: unexpected failure: " + e);
        cl.getErr().println("  what to do: report it with the command you ran; "
            + "run with SOHOA_JAVA_OPTS=-Dsohoa.trace=true for the stack trace");
        if (Boolean.getBoolean("sohoa.trace")) {
          e.printStackTrace(cl.getErr());
        }
      }
      return exitCode(e);
    });
    commandLine.setParameterExceptionHandler(new CommandLine.IParameterExceptionHandler() {
      @Override
      public int handleParseException(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        cl.getErr().println("sohoa: " + describe(e));
        cl.getErr().println("  see: " + cl.getCommandSpec().qualifiedName() + " --help");
        return ExitStatus.USAGE.code();
      }
    });
    return commandLine;
  }

  /**
   * The parse error, without repeating arguments sohoa did not expect: one may be a password
   * typed where sohoa never takes one, and error output ends up in logs.
   */
  static String describe(CommandLine.ParameterException e) {
    if (!(e instanceof CommandLine.UnmatchedArgumentException unmatched)) {
      return e.getMessage();
    }
    List<String> options = unmatched.getUnmatched().stream().filter(a -> a.startsWith("-"))
        .map(a -> a.replaceFirst("=.*", "")).toList();
    List<String> suggestions = unmatched.getSuggestions();
    return (options.isEmpty() ? "" : "unknown option " + String.join(", ", options) + "; ")
        + unmatched.getUnmatched().size() + " argument(s) not understood, not repeated here in"
        + " case one is a secret (passwords come from --password-env, --password-file or a"
        + " prompt)" + (suggestions.isEmpty() ? "" : "; did you mean: "
        + String.join(", ", suggestions) + "?");
  }

  private static int exitCode(Throwable e) {
    if (e instanceof SohoaException failure) {
      return failure.exitStatus().code();
    }
    if (e instanceof CommandLine.ParameterException) {
      return ExitStatus.USAGE.code();
    }
    return ExitStatus.SOME_FAILED.code();
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Reports the version built into the pipeline module. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"sohoa " + SohoaVersion.current(),
          "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
    }
  }
}
