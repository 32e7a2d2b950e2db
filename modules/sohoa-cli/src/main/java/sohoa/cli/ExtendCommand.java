package sohoa.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sohoa.core.error.ConfigurationError;
import sohoa.sign.pades.SignatureExtender;

/** {@code sohoa extend FILE.pdf -o OUT.pdf --tsa URL}: brings existing signatures to B-LTA. */
@Command(name = "extend", mixinStandardHelpOptions = true,
    description = "Adds long-term validation data (the chains' OCSP "
        + "responses and CRLs) and a document timestamp to an already signed PDF: PAdES B-LTA.")
final class ExtendCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE.pdf", description = "a signed PDF")
  Path input;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT.pdf", required = true,
      description = "where to write the extended PDF")
  Path output;

  @Option(names = "--level", paramLabel = "LEVEL", defaultValue = "B-LTA",
      description = "B-LTA, the only level an existing signature is extended to")
  String level;

  @Mixin SigningOptions signing;

  @Override
  public Integer call() throws Exception {
    if (!level.equalsIgnoreCase("B-LTA")) {
      throw new ConfigurationError("an existing signature is extended to B-LTA,"
          + " not " + level, "use --level B-LTA, or sign again at the level wanted");
    }
    SignatureExtender extender = new SignatureExtender(signing.timestampAuthority().orElseThrow(
        () -> new ConfigurationError("extending signatures to B-LTA needs a timestamp authority",
            "give the TSA's address with --tsa URL")), signing.trustAnchors());
    AtomicOutput.write(input, output, extender::extend);
    spec.commandLine().getOut().printf("extended %s -> %s (PAdES B-LTA)%n", input, output);
    return 0;
  }
}
