package sohoa.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sohoa.app.Sohoa;
import sohoa.catalog.Catalog;
import sohoa.catalog.CertificateBinding;
import sohoa.catalog.Lockout;
import sohoa.catalog.OfficerAccount;
import sohoa.console.Passwords;
import sohoa.core.error.ConfigurationError;
import sohoa.core.error.ExitStatus;
import sohoa.sign.identity.CertificateNames;
import sohoa.sign.identity.PemCertificates;

/** {@code sohoa officers add|list|password|unlock|disable}: the officer console's accounts. */
@Command(name = "officers", mixinStandardHelpOptions = true,
    versionProvider = SohoaCommand.Version.class,
    description = "Accounts of the clerks and certifying officers who log in to the console"
        + " (/console of 'sohoa serve').",
    subcommands = {OfficersCommand.Add.class, OfficersCommand.ListAccounts.class,
      OfficersCommand.Password.class, OfficersCommand.Unlock.class,
      OfficersCommand.Disable.class})
final class OfficersCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  @Command(name = "add", mixinStandardHelpOptions = true,
      description = "Adds an account; its password from --password-env, --password-file or a"
          + " prompt (at least 8 characters).")
  static final class Add implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "USERNAME", description = "lower-case letters, digits, '.', '_', '-'")
    String username;

    @Option(names = "--name", required = true, description = "full name, e.g. 'Nguyễn Thị Lan'")
    String name;

    @Option(names = "--title", required = true,
        description = "title, e.g. 'Công chức Tư pháp - Hộ tịch'")
    String title;

    @Option(names = "--role", defaultValue = "clerk",
        description = "clerk (search, upload, correct) or officer (also certify copies);"
            + " default: ${DEFAULT-VALUE}")
    String role;

    @Option(names = "--agency", paramLabel = "NAME",
        description = "let the account see only this agency's records")
    String agency;

    @Option(names = "--signing-key", paramLabel = "KEY",
        description = "the officer's own signing key: a PKCS#12 file, or pkcs11:<token label>;"
            + " its PIN is asked at each certified copy, never stored")
    String signingKey;

    @Option(names = "--certificate", paramLabel = "FILE",
        description = "the officer's signing certificate (PEM or DER), required with"
            + " --signing-key: the account is bound to it, and its holder must be --name")
    Path certificate;

    @Option(names = "--name-differs-from-certificate", paramLabel = "REASON",
        description = "add the account although --name is not the certificate's holder (e.g."
            + " a name written without marks in the certificate); the reason goes to the audit"
            + " log")
    String nameOverride;

    @Mixin Secret password;

    @Mixin DataFolder data;

    @Override
    public Integer call() throws Exception {
      OfficerAccount.Role parsed;
      try {
        parsed = OfficerAccount.Role.valueOf(role.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new ConfigurationError("no role '" + role + "'", "use clerk or officer");
      }
      if (signingKey != null && !signingKey.startsWith("pkcs11:")
          && !Files.isRegularFile(Path.of(signingKey))) {
        throw new ConfigurationError("there is no keystore at " + signingKey,
            "give the PKCS#12 file's path, or pkcs11:<token label>");
      }
      OfficerAccount account;
      try {
        account = OfficerAccount.of(username, name, title, Optional.ofNullable(agency), parsed,
            Optional.ofNullable(signingKey).map(k -> k.startsWith("pkcs11:") ? k
                : Path.of(k).toAbsolutePath().toString()), Instant.now());
      } catch (IllegalArgumentException e) {
        throw new ConfigurationError(e.getMessage(), "correct the account's details");
      }
      if (signingKey != null && certificate == null) {
        throw new ConfigurationError("an account that signs is bound to its certificate",
            "give the officer's signing certificate with --certificate FILE");
      }
      Optional<X509Certificate> read = certificate == null ? Optional.empty()
          : Optional.of(PemCertificates.read(certificate).get(0));
      if (read.isPresent()) {
        account = account.boundTo(CertificateBinding.of(read.get()));
      }
      String holder = read.map(CertificateNames::commonName).orElse(name);
      if (!CertificateNames.sameName(holder, name) && nameOverride == null) {
        throw new ConfigurationError("the certificate is issued to '" + holder + "', not to '"
            + name + "': certified copies print the account's name beside that certificate's",
            "give --name as the certificate names its holder, or, if it is the same person,"
                + " --name-differs-from-certificate REASON (recorded in the audit log)");
      }
      String hash = hash(password.read("the new password of " + username));
      try (Sohoa sohoa = data.openExisting(Clock.systemDefaultZone())) {
        Catalog catalog = sohoa.catalog();
        if (!catalog.officers().create(account, hash)) {
          throw new ConfigurationError("there is already an account " + username,
              "choose another user name, or change its password with 'sohoa officers"
                  + " password'");
        }
        data.record(sohoa, "officer-add", username, Optional.empty(), "role " + role
            + (agency == null ? "" : ", agency " + agency)
            + account.certificate().map(c -> ", certificate " + c.sha256()).orElse(""));
        if (!CertificateNames.sameName(holder, name)) {
          data.record(sohoa, "officer-add-name-override", username, Optional.empty(),
              "name '" + name + "', certificate holder '" + holder + "': " + nameOverride);
        }
      }
      spec.commandLine().getOut().println("added " + username + " (" + role + ")");
      return ExitStatus.OK.code();
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the accounts.")
  static final class ListAccounts implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Mixin DataFolder data;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      Instant now = Instant.now();
      try (Sohoa sohoa = data.openExisting(Clock.systemDefaultZone())) {
        Catalog catalog = sohoa.catalog();
        for (OfficerAccount a : catalog.officers().list()) {
          out.printf("%-20s %-8s %-28s %s%s%s%s%s%n", a.username(),
              a.role().name().toLowerCase(Locale.ROOT), a.name(), a.agency().orElse("(all)"),
              a.certificate().map(c -> "  certificate " + c.sha256().substring(0, 16) + "…")
                  .orElse(""),
              a.disabledAt().isPresent() ? "  DISABLED" : "",
              locked(a.logins(), "LOCKED", now), locked(a.signing(), "SIGNING LOCKED", now));
        }
      }
      out.flush();
      return ExitStatus.OK.code();
    }

    private static String locked(Lockout lockout, String what, Instant now) {
      return lockout.lockedAt(now) ? "  " + what + " until " + lockout.until().get() : "";
    }
  }

  /** A change to one account: made in the catalog, audited as {@code officer-<name>}, said. */
  abstract static class AccountChange implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "USERNAME") String username;

    @Mixin DataFolder data;

    /** Makes the change; what the audit log and the terminal say of it. */
    abstract String change(Catalog catalog) throws Exception;

    @Override
    public Integer call() throws Exception {
      String done;
      try (Sohoa sohoa = data.openExisting(Clock.systemDefaultZone())) {
        Catalog catalog = sohoa.catalog();
        done = change(catalog);
        data.record(sohoa, "officer-" + spec.name(), username, Optional.empty(), done);
      }
      spec.commandLine().getOut().println(done + ": " + username);
      return ExitStatus.OK.code();
    }
  }

  @Command(name = "password", mixinStandardHelpOptions = true,
      description = "Sets a new password (and lifts a lockout).")
  static final class Password extends AccountChange {
    @Mixin Secret password;

    @Override
    String change(Catalog catalog) throws Exception {
      catalog.officers().setPassword(username, hash(password.read("the new password of "
          + username)));
      return "password changed";
    }
  }

  @Command(name = "unlock", mixinStandardHelpOptions = true,
      description = "Lifts the lockouts after wrong passwords or wrong PINs before they end.")
  static final class Unlock extends AccountChange {
    @Override
    String change(Catalog catalog) throws Exception {
      catalog.officers().unlock(username);
      return "unlocked";
    }
  }

  @Command(name = "disable", mixinStandardHelpOptions = true,
      description = "Ends an account's logins and sessions; what it did stays on record.")
  static final class Disable extends AccountChange {
    @Override
    String change(Catalog catalog) throws Exception {
      catalog.officers().disable(username, Instant.now());
      return "disabled";
    }
  }

  private static String hash(char[] password) throws ConfigurationError {
    try {
      return new Passwords().hash(password);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationError("the password is not accepted: " + e.getMessage(),
          "choose a longer (or shorter) password");
    } finally {
      Arrays.fill(password, '\0');
    }
  }
}
