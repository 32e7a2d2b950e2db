package sohoa.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.file.Files;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sohoa.app.Sohoa;
import sohoa.catalog.AuditEntry;
import sohoa.catalog.Catalog;
import sohoa.core.error.ConfigurationError;
import sohoa.core.error.ExitStatus;
import sohoa.pipeline.audit.AuditAnchor;
import sohoa.sign.identity.PemCertificates;
import sohoa.sign.pades.PadesSigner;
import sohoa.sign.pades.SignatureLevel;
import sohoa.sign.pades.TimestampAuthority;
import sohoa.sign.pki.PkiLayout;

/** {@code sohoa audit verify|export}: the tamper-evident audit log. */
@Command(name = "audit", mixinStandardHelpOptions = true,
    versionProvider = SohoaCommand.Version.class,
    description = "The audit log: every retrieval, issuance and key event, hash-chained.",
    subcommands = {AuditCommand.Verify.class, AuditCommand.Checkpoint.class,
      AuditCommand.Export.class})
final class AuditCommand implements Runnable {
  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = {"Recomputes the hash chain and names the first broken link, then compares"
          + " the log with the latest checkpoint in the store (sohoa audit checkpoint): entries"
          + " cut from its end with its head rewritten are found there.",
        "The checkpoint's signature is checked against --trust, else the data folder's"
          + " development root."},
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:the chain is whole and holds what the latest checkpoint anchored",
        "3:the log was tampered with (the first broken link is named)"})
  static final class Verify implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Mixin DataFolder data;

    @Mixin SigningOptions signing;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      Optional<String> broken;
      AuditAnchor.Check anchored;
      try (Sohoa sohoa = data.openExisting(Clock.systemDefaultZone())) {
        Catalog catalog = sohoa.catalog();
        broken = catalog.auditLog().verify();
        anchored = sohoa.auditAnchor().check(anchors(signing, data));
      }
      out.println(broken.map(b -> "BROKEN: " + b).orElse("the audit log's chain is whole"));
      anchored.latest().ifPresent(c -> out.println("latest checkpoint: entry " + c.seq()
          + " at " + c.at() + " (" + c.key().value() + ")"));
      if (anchored.latest().isEmpty() && anchored.problem().isEmpty()) {
        out.println("no checkpoint yet: a log cut at its end cannot be told (sohoa audit"
            + " checkpoint)");
      }
      anchored.problem().ifPresent(p -> out.println("BROKEN: " + p));
      out.flush();
      return broken.isEmpty() && anchored.problem().isEmpty() ? ExitStatus.OK.code()
          : ExitStatus.VERIFICATION_FAILED.code();
    }
  }

  @Command(name = "checkpoint", mixinStandardHelpOptions = true,
      description = {"Anchors the audit log's head outside the catalog: its last entry's number"
          + " and hash, signed by the agency and timestamped, stored under audit/checkpoints/."
          + " Run it periodically (a systemd timer or cron, e.g. hourly).",
        "Without --agency-identity, signs with the development agency in DATA/pki (UNTRUSTED)."})
  static final class Checkpoint implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Mixin AgencyIdentityOptions agency;

    @Mixin DataFolder data;

    @Mixin SigningOptions signing;

    @Override
    public Integer call() throws Exception {
      PrintWriter err = spec.commandLine().getErr();
      AuditAnchor.Checkpoint made;
      try (Sohoa sohoa = data.openExisting(Clock.systemDefaultZone())) {
        Catalog catalog = sohoa.catalog();
        AuditAnchor anchor = sohoa.auditAnchor();
        if (!agency.given()) {
          try (DevelopmentIdentities development = DevelopmentIdentities.in(data.path,
              Clock.systemUTC(), err)) {
            made = anchor.write(new PadesSigner(development.identity("agency"),
                Optional.of(development.timestampAuthority()), development.trustAnchors()),
                SignatureLevel.B_LT);
          }
        } else {
          TimestampAuthority tsa = signing.timestampAuthority().orElseThrow(() ->
              new ConfigurationError("a checkpoint is timestamped and no TSA is configured",
                  "give the timestamp authority's address with --tsa URL"));
          made = anchor.write(new PadesSigner(agency.load(), Optional.of(tsa),
              signing.trustAnchors()), SignatureLevel.B_LT);
        }
        data.record(sohoa, "audit-checkpoint", made.key().value(), Optional.empty(),
            "entry " + made.seq() + ", " + made.head().hex());
      }
      spec.commandLine().getOut().printf("checkpoint of entry %d (%s) stored as %s%n",
          made.seq(), made.head().hex(), made.key().value());
      return ExitStatus.OK.code();
    }
  }

  /** --trust, else the development root of the data folder, if it has one. */
  private static List<X509Certificate> anchors(SigningOptions signing, DataFolder data)
      throws ConfigurationError {
    List<X509Certificate> given = signing.trustAnchors();
    Path development = new PkiLayout(data.path.resolve("pki")).rootCertificate();
    return !given.isEmpty() || !Files.exists(development) ? given
        : PemCertificates.read(development);
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Writes the entries between two dates (Vietnam's, inclusive) as JSON lines.")
  static final class Export implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", paramLabel = "yyyy-MM-dd", required = true) LocalDate from;

    @Option(names = "--to", paramLabel = "yyyy-MM-dd", required = true) LocalDate to;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.jsonl",
        description = "write to this file instead of standard output")
    Path output;

    @Mixin DataFolder data;

    @Override
    public Integer call() throws Exception {
      List<AuditEntry> entries;
      try (Sohoa sohoa = data.openExisting(Clock.systemDefaultZone())) {
        Catalog catalog = sohoa.catalog();
        entries = catalog.auditLog().entries(from.atStartOfDay(VIETNAM).toInstant(),
            to.plusDays(1).atStartOfDay(VIETNAM).toInstant().minusNanos(1));
      }
      ObjectMapper json = new ObjectMapper();
      ByteArrayOutputStream lines = new ByteArrayOutputStream();
      for (AuditEntry e : entries) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("seq", e.seq());
        line.put("at", e.at().toString());
        line.put("actor", e.actor());
        line.put("action", e.action());
        line.put("subject", e.subject());
        e.documentSha256().ifPresent(h -> line.put("documentSha256", h.hex()));
        line.put("detail", e.detail());
        line.put("previousHash", e.previousHash().hex());
        line.put("entryHash", e.entryHash().hex());
        lines.writeBytes(json.writeValueAsBytes(line));
        lines.write('\n');
      }
      AtomicOutput.report(output, spec.commandLine().getOut(), lines.toByteArray());
      spec.commandLine().getErr().printf("%d entries from %s to %s%n", entries.size(), from, to);
      return ExitStatus.OK.code();
    }
  }
}
