package sohoa.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sohoa.app.Sohoa;
import sohoa.catalog.AuditTrail;
import sohoa.catalog.CatalogAddress;
import sohoa.core.document.ContentHash;
import sohoa.core.document.DocumentId;
import sohoa.core.error.ConfigurationError;
import sohoa.core.error.SohoaException;
import sohoa.pipeline.Deployment;
import sohoa.pipeline.Workspace;
import sohoa.store.address.StoreAddress;
import sohoa.store.s3.Backoff;
import sohoa.store.s3.S3Credentials;
import sohoa.store.s3.S3Location;

/** The {@code --data} option every command shares: where the embedded store and catalog live. */
final class DataFolder {
  private final Environment environment;

  DataFolder(Environment environment) {
    this.environment = environment;
  }

  /** The process the command runs in: its variables and terminal. */
  Environment environment() {
    return environment;
  }

  /** The command this folder is an option of: its error stream carries the warnings. */
  @Spec(Spec.Target.MIXEE) CommandSpec command;

  @Option(names = "--data", paramLabel = "DIR", defaultValue = "sohoa-data",
      description = "data folder of the embedded store and catalog (default: ${DEFAULT-VALUE})")
  Path path;

  @Option(names = "--catalog", paramLabel = "JDBC-URL",
      description = "a shared catalog instead of the data folder's own, e.g. "
          + "jdbc:postgresql://db.example:5432/sohoa?user=sohoa; its password from "
          + "$SOHOA_CATALOG_PASSWORD or --catalog-password-file")
  String catalog;

  @Option(names = "--catalog-password-file", paramLabel = "FILE",
      description = "read the shared catalog's password from the first line of this file")
  Path catalogPasswordFile;

  @Option(names = "--store", paramLabel = "URI",
      description = "a shared object store instead of the data folder's own: "
          + "s3://bucket[/prefix]?endpoint=https://minio.example:9000[&region=...]; its keys from "
          + "$SOHOA_S3_ACCESS_KEY and $SOHOA_S3_SECRET_KEY or --store-credentials-file")
  String store;

  @Option(names = "--store-credentials-file", paramLabel = "FILE",
      description = "the S3 access key on the first line, the secret key on the second")
  Path storeCredentialsFile;

  /** An S3 location given on the command line, e.g. an inbox, checked. */
  static S3Location s3Location(String uri) throws ConfigurationError {
    try {
      return S3Location.parse(uri);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationError(e.getMessage(), "write it as "
          + "s3://bucket/prefix?endpoint=https://minio.example:9000");
    }
  }

  /** A document id given on the command line, checked. */
  static DocumentId documentId(String given) throws ConfigurationError {
    if (!given.matches("[0-9a-f]{32}")) {
      throw new ConfigurationError("'" + given + "' is not a document id (32 hex digits)",
          "copy the id 'sohoa digitize' or 'sohoa search' printed");
    }
    return new DocumentId(given);
  }

  /** The store these options name: the shared one if given, else the data folder's. */
  StoreAddress storeAddress() throws ConfigurationError {
    if (store == null) {
      return new StoreAddress.Folder(new Workspace(path).store());
    }
    return new StoreAddress.S3(s3Location(store), s3Credentials(store), Backoff.DEFAULT);
  }

  /** The S3 keys, for the store or an inbox bucket ({@code forWhat}, for the message). */
  S3Credentials s3Credentials(String forWhat) throws ConfigurationError {
    if (storeCredentialsFile != null) {
      try {
        List<String> lines = Files.readAllLines(storeCredentialsFile, StandardCharsets.UTF_8);
        if (lines.size() >= 2) {
          return new S3Credentials(lines.get(0).strip(), lines.get(1).strip());
        }
      } catch (IOException e) {
        throw new ConfigurationError("cannot read the S3 credentials file "
            + storeCredentialsFile + ": " + e.getMessage(), "check the path and its rights");
      }
      throw new ConfigurationError("the S3 credentials file " + storeCredentialsFile + " needs"
          + " two lines: the access key, then the secret key", "write both lines");
    }
    String access = environment.variable("SOHOA_S3_ACCESS_KEY").orElse(null);
    String secret = environment.variable("SOHOA_S3_SECRET_KEY").orElse(null);
    if (access == null || secret == null) {
      throw new ConfigurationError("no S3 credentials for " + forWhat, "export SOHOA_S3_ACCESS_KEY"
          + " and SOHOA_S3_SECRET_KEY, or give --store-credentials-file");
    }
    return new S3Credentials(access, secret);
  }

  /** The store and the catalog, shared ones where given. */
  Deployment deployment() throws ConfigurationError {
    return new Deployment(storeAddress(), catalogAddress());
  }

  /** The catalog these options name: the shared one if given, else the data folder's. */
  CatalogAddress catalogAddress() throws ConfigurationError {
    if (catalog == null) {
      return CatalogAddress.embedded(new Workspace(path).catalog());
    }
    if (!catalog.startsWith("jdbc:postgresql:") && !catalog.startsWith("jdbc:h2:")) {
      throw new ConfigurationError("--catalog is a PostgreSQL (or H2) JDBC URL, not "
          + catalog.replaceAll("(?i)password=[^&;]*", "password=…"), "write it as "
          + "jdbc:postgresql://db.example:5432/sohoa?user=sohoa");
    }
    if (CatalogAddress.holdsPassword(catalog)) {
      throw new ConfigurationError("--catalog holds the database password, which would show in"
          + " process lists, logs and error messages", "take it out of the URL and give it in"
          + " the environment variable SOHOA_CATALOG_PASSWORD or in a file named by"
          + " --catalog-password-file (mode 600)");
    }
    String given = environment.variable("SOHOA_CATALOG_PASSWORD").orElse(null);
    Optional<String> password = given != null ? Optional.of(given)
        : catalogPasswordFile != null
            ? Optional.of(new String(Secret.read(environment, null, catalogPasswordFile,
                "the catalog's password")))
            : Optional.empty();
    return new CatalogAddress(catalog, password);
  }

  /**
   * sohoa over the store and catalog these options name, its workspace the data folder (made if
   * missing): for commands that digitise, certify, serve or otherwise write. Nothing is opened
   * until asked for; warnings about the deployment go to the command's error stream.
   */
  Sohoa open(Clock clock) throws ConfigurationError {
    return over(Workspace.create(path), clock);
  }

  /**
   * The same for commands that read or keep an archive that is already there: refused when there
   * is no data folder and no shared catalog was named.
   */
  Sohoa openExisting(Clock clock) throws ConfigurationError {
    return existing(clock).orElseThrow(() -> new ConfigurationError(
        "there is no sohoa data folder at " + path.toAbsolutePath(),
        "point --data at the folder 'sohoa digitize' wrote to"));
  }

  /** The archive these options name, if there is one: a data folder, or a shared catalog. */
  private Optional<Sohoa> existing(Clock clock) throws ConfigurationError {
    if (Files.isDirectory(path)) {
      return Optional.of(over(Workspace.create(path), clock));
    }
    // A shared deployment read from a machine that keeps no data folder: none is made.
    return catalog == null ? Optional.empty() : Optional.of(over(new Workspace(path), clock));
  }

  private Sohoa over(Workspace workspace, Clock clock) throws ConfigurationError {
    PrintWriter err = command.commandLine().getErr();
    return Sohoa.over(workspace, deployment(), environment.officerLanguage(), clock,
        environment.ocr(), environment.files(), warning -> {
          err.println("warning: " + warning);
          err.flush();
        });
  }

  /**
   * Writes {@code action} by this command's user to the audit log of the archive this names, when
   * there is one: a shared catalog given with --catalog, or a data folder that exists. Signing and
   * verifying files outside any archive (no data folder here) leave no entry, as there is no log
   * to write.
   */
  void recordIfArchived(String action, String subject, Optional<ContentHash> document,
      String detail) throws SohoaException {
    Optional<Sohoa> archive = existing(Clock.systemUTC());
    if (archive.isPresent()) {
      try (Sohoa sohoa = archive.get()) {
        record(sohoa, action, subject, document, detail);
      }
    }
  }

  /** Writes {@code action} by this command's user to the audit log of {@code sohoa}. */
  void record(Sohoa sohoa, String action, String subject, Optional<ContentHash> document,
      String detail) throws SohoaException {
    sohoa.auditTrail().record(new AuditTrail.Entry(
        "cli:" + System.getProperty("user.name"), action, subject, document, detail));
  }

  @Override
  public String toString() {
    return path.toString();
  }
}
