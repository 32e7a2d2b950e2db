package sohoa.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.file.Files;
import java.time.Instant;
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
import sohoa.catalog.AuditEntry;
import sohoa.catalog.Catalog;
import sohoa.core.document.ContentHash;
import sohoa.core.error.ExitStatus;

/** {@code sohoa audit verify|export}: the tamper-evident audit log. */
@Command(name = "audit", mixinStandardHelpOptions = true,
    versionProvider = SohoaCommand.Version.class,
    description = "The audit log: every retrieval, issuance and key event, hash-chained.",
    subcommands = {AuditCommand.Verify.class, AuditCommand.Export.class})
final class AuditCommand implements Runnable {
  private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /**
   * Writes {@code action} to the audit log of the archive {@code data} names, when there is one:
   * a shared catalog given with --catalog, or a data folder that exists. Signing and verifying
   * files outside any archive (no data folder here) leave no entry, as there is no log to write.
   */
  static void recordIfArchived(DataFolder data, String action, String subject,
      Optional<ContentHash> document, String detail) throws Exception {
    if (data.catalog == null && !Files.isDirectory(data.path)) {
      return;
    }
    try (Catalog catalog = data.openCatalog()) {
      record(catalog, action, subject, document, detail);
    }
  }

  /** Writes {@code action} by this command's user to the audit log of {@code catalog}. */
  static void record(Catalog catalog, String action, String subject,
      Optional<ContentHash> document, String detail) throws Exception {
    catalog.auditLog().append("cli:" + System.getProperty("user.name"), action, subject,
        document, detail, Instant.now());
  }

  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Recomputes the hash chain and names the first broken link.",
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:the chain is whole", "3:the log was tampered with (the first broken"
          + " link is named)"})
  static final class Verify implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Mixin DataFolder data;

    @Override
    public Integer call() throws Exception {
      Optional<String> broken;
      try (Catalog catalog = data.openCatalog()) {
        broken = catalog.auditLog().verify();
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(broken.map(b -> "BROKEN: " + b).orElse("the audit log's chain is whole"));
      out.flush();
      return broken.isEmpty() ? ExitStatus.OK.code() : ExitStatus.VERIFICATION_FAILED.code();
    }
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
      try (Catalog catalog = data.openCatalog()) {
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
