package sohoa.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import sohoa.app.Sohoa;
import sohoa.catalog.Catalog;
import sohoa.catalog.RegisterBook;
import sohoa.catalog.RegisterEntry;
import sohoa.certify.RegisterCsv;
import sohoa.core.error.ExitStatus;

/** {@code sohoa register export}: the certification register (sổ chứng thực) as CSV. */
@Command(name = "register", mixinStandardHelpOptions = true,
    versionProvider = SohoaCommand.Version.class,
    description = "The certification register (sổ chứng thực bản sao từ bản chính).",
    subcommands = RegisterCommand.Export.class)
final class RegisterCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = {"Writes an office's register for one year (or one book of it) as CSV "
          + "(UTF-8, with a byte order mark for spreadsheets), a line per number: the paper "
          + "book's columns.",
        "Numbers left open by a process that died are closed first (issued if its copy was "
          + "stored, voided with the reason otherwise), so the export has no gaps."})
  static final class Export implements Callable<Integer> {

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--office", paramLabel = "CODE",
        description = "the deployment's office (sohoa certify --office); another is refused")
    String office;

    @Option(names = "--book", paramLabel = "BOOK",
        description = "only the entries of this book (default: every book of the year)")
    String book;

    @Option(names = "--year", paramLabel = "YEAR", required = true, description = "its year")
    int year;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE.csv",
        description = "write to this file instead of standard output")
    Path output;

    @Mixin DataFolder data;

    @Override
    public Integer call() throws Exception {
      List<RegisterEntry> entries;
      String office;
      try (Sohoa sohoa = data.openExisting(Clock.systemDefaultZone())) {
        Catalog catalog = sohoa.catalog();
        office = catalog.register().office(Optional.ofNullable(this.office));
        sohoa.abandonedNumbers().close();
        entries = book == null ? catalog.register().entries(office, year)
            : catalog.register().entries(new RegisterBook(office, book, year));
      }
      // The byte order mark tells spreadsheets the file is UTF-8; a terminal needs none.
      AtomicOutput.report(output, spec.commandLine().getOut(), csv(entries, output != null));
      spec.commandLine().getErr().printf("%s %d%s: %d numbers%n", office, year,
          book == null ? "" : ", book " + book, entries.size());
      return ExitStatus.OK.code();
    }

    private byte[] csv(List<RegisterEntry> entries, boolean byteOrderMark)
        throws IOException {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
        if (byteOrderMark) {
          out.write('\uFEFF');
        }
        RegisterCsv.write(entries, data.environment().officerLanguage(), out);
      }
      return bytes.toByteArray();
    }
  }
}
