package sohoa.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import sohoa.core.error.ConfigurationError;

/**
 * Where a password comes from: an environment variable, a file (its first line), or a prompt on
 * the terminal. Never the command line, where every user of the machine can read it.
 */
final class Secret {
  private final Environment environment;

  @Option(names = "--password-env", paramLabel = "VAR",
      description = "read the password from this environment variable")
  String variable;

  @Option(names = "--password-file", paramLabel = "FILE",
      description = "read the password from the first line of this file")
  Path file;

  /**
   * The secret, asked for on the terminal when neither option is given.
   *
   * @param what the secret, for the prompt and errors, e.g. {@code the password of the keystore
   *     officer.p12} or {@code the token's PIN}
   */
  char[] read(String what) throws ConfigurationError {
    return read(environment, variable, file, what);
  }

  Secret(Environment environment) {
    this.environment = environment;
  }

  /**
   * The secret from {@code environment}'s variable {@code variable}, else from the first line of
   * {@code file}, else asked for on its terminal; for commands with several secrets, each with
   * its own pair of options.
   */
  static char[] read(Environment environment, String variable, Path file, String what)
      throws ConfigurationError {
    if (variable != null) {
      return environment.variable(variable).orElseThrow(() -> new ConfigurationError(
          "the environment variable " + variable + " is not set",
          "export " + variable + " with " + what + ", or use --password-file")).toCharArray();
    }
    if (file != null) {
      try {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("")
            .toCharArray();
      } catch (IOException e) {
        throw new ConfigurationError("cannot read the password file " + file + ": "
            + e.getMessage(), "check the path and that only you can read the file");
      }
    }
    Console console = environment.console().orElse(null);
    if (console == null) {
      throw new ConfigurationError("no " + what.replaceFirst("^the ", "") + " was given and there"
          + " is no terminal to ask on",
          "give --password-env VAR or --password-file FILE");
    }
    char[] typed = console.readPassword("Enter %s: ", what);
    if (typed == null) {
      throw new ConfigurationError("nothing was typed for " + what, "type " + what);
    }
    return typed;
  }
}
