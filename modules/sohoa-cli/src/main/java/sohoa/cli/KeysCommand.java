package sohoa.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sohoa.app.Sohoa;
import sohoa.catalog.ApiKey;
import sohoa.catalog.ApiKeys;
import sohoa.catalog.Catalog;
import sohoa.core.error.ConfigurationError;
import sohoa.core.error.ExitStatus;

/** {@code sohoa keys create|revoke}: the HTTP API's bearer keys. */
@Command(name = "keys", mixinStandardHelpOptions = true,
    versionProvider = SohoaCommand.Version.class,
    description = "Keys of the systems and officers that call the HTTP API.",
    subcommands = {KeysCommand.Create.class, KeysCommand.Revoke.class})
final class KeysCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Makes a key and prints it once: only its hash is kept.")
  static final class Create implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--role", required = true, paramLabel = "ROLE",
        description = "reader (retrieve, search, verify), officer (also issue copies, submit "
            + "scans) or admin")
    String role;

    @Option(names = "--agency", paramLabel = "NAME",
        description = "let the key see only documents of this agency")
    String agency;

    @Option(names = "--officer", paramLabel = "USERNAME",
        description = "the officer account the key acts for (sohoa officers add): needed to"
            + " issue certified copies, which print that account's name and title")
    String officer;

    @Option(names = "--label", paramLabel = "TEXT", defaultValue = "",
        description = "who holds it, for the audit log, e.g. 'cổng dịch vụ công tỉnh'")
    String label;

    @Mixin DataFolder data;

    @Override
    public Integer call() throws Exception {
      ApiKey.Role parsed;
      try {
        parsed = ApiKey.Role.valueOf(role.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new ConfigurationError("no role '" + role + "'", "use reader, officer or admin");
      }
      ApiKeys.Issued issued;
      try (Sohoa sohoa = data.openExisting(Clock.systemDefaultZone())) {
        Catalog catalog = sohoa.catalog();
        if (officer != null && catalog.officers().find(officer)
            .filter(a -> a.disabledAt().isEmpty()).isEmpty()) {
          throw new ConfigurationError("there is no live officer account " + officer,
              "add it first with 'sohoa officers add', or list them with 'sohoa officers list'");
        }
        issued = catalog.apiKeys().create(parsed, Optional.ofNullable(agency),
            Optional.ofNullable(officer), label, Instant.now());
        data.record(sohoa, "key-create", issued.key().id(), Optional.empty(),
            "role " + role + (agency == null ? "" : ", agency " + agency)
                + (officer == null ? "" : ", for the officer " + officer)
                + (label.isEmpty() ? "" : ", for " + label));
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(issued.secretText());
      out.flush();
      spec.commandLine().getErr().printf("key %s (%s%s): shown this once; callers send it as"
          + " 'Authorization: Bearer <key>'%n", issued.key().id(), role,
          agency == null ? "" : ", " + agency);
      return ExitStatus.OK.code();
    }
  }

  @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revokes a key.")
  static final class Revoke implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "KEY-ID", description = "the 16 hex digits after 'sohoa_'")
    String id;

    @Mixin DataFolder data;

    @Override
    public Integer call() throws Exception {
      try (Sohoa sohoa = data.openExisting(Clock.systemDefaultZone())) {
        Catalog catalog = sohoa.catalog();
        if (!catalog.apiKeys().revoke(id, Instant.now())) {
          throw new ConfigurationError("there is no live key " + id, "check the key's id");
        }
        data.record(sohoa, "key-revoke", id, Optional.empty(), "revoked");
      }
      spec.commandLine().getOut().println("revoked " + id);
      return ExitStatus.OK.code();
    }
  }
}
