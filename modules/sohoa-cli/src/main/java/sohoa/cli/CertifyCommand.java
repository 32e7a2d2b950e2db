package sohoa.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sohoa.app.Sohoa;
import sohoa.catalog.Catalog;
import sohoa.catalog.OfficerAccount;
import sohoa.catalog.OfficerAccounts;
import sohoa.certify.CertificationRequest;
import sohoa.certify.CertificationService;
import sohoa.certify.CertifiedCopy;
import sohoa.certify.CopySigning;
import sohoa.certify.Officer;
import sohoa.certify.Placement;
import sohoa.core.document.DocumentId;
import sohoa.core.error.ConfigurationError;
import sohoa.core.error.ExitStatus;
import sohoa.core.error.NotFound;
import sohoa.core.error.SohoaException;
import sohoa.core.error.StorageFailure;
import sohoa.core.error.WrongSecret;
import sohoa.core.event.EventSink;
import sohoa.pipeline.DigitizeOptions;
import sohoa.pipeline.DocumentOutcome;
import sohoa.pipeline.PipelineListener;
import sohoa.pipeline.Digitiser;

/**
 * {@code sohoa certify DOC-ID|FILE}: an electronic certified copy (bản sao điện tử chứng thực từ
 * bản chính) with the next register number, the lời chứng, a QR code and two signatures.
 */
@Command(name = "certify", mixinStandardHelpOptions = true,
    versionProvider = SohoaCommand.Version.class,
    description = {"Issues an electronic certified copy of a digitised original: its PDF/A with "
        + "the certification statement (lời chứng), the next number of the register book, a QR "
        + "code to the verification page, signed by the officer and then by the agency.",
      "Without --officer-identity and --agency-identity, signs with the development identities "
        + "in DATA/pki (UNTRUSTED) and serves their TSA and OCSP itself."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the copy was issued", "1:the copy could not be made, signed or stored "
        + "(its number is voided with the reason)", "2:usage or configuration error"})
final class CertifyCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "DOC-ID|FILE",
      description = "a catalogued document's id, or a scan to digitise first")
  String original;

  @Option(names = {"-o", "--output"}, paramLabel = "OUT.pdf", required = true,
      description = "where to write the certified copy (it is also stored)")
  Path output;

  @Option(names = "--officer", paramLabel = "USERNAME",
      description = "the certifying officer's account (sohoa officers add): the lời chứng prints"
          + " its name and title. Without it, the holder and title of the officer's certificate."
          + " Either way the name is the certificate's, and the agency is the seal's holder.")
  String officer;

  @Option(names = "--office", paramLabel = "CODE",
      description = "the certification office whose register this deployment numbers copies"
          + " in: recorded in the catalog by the first command that names one (else 'local');"
          + " the API, the console and the CLI then all use it, and naming another is refused")
  String office;

  @Option(names = "--register", paramLabel = "BOOK", defaultValue = "01",
      description = "the register book the copy is entered in; numbers continue across the "
          + "books of a year (default: ${DEFAULT-VALUE}, printed as 01/<year>-SCT/BS)")
  String book;

  @Option(names = "--stamp", description = "put the lời chứng in a stamp area at the foot of the"
      + " last page instead of on a certification page of its own")
  boolean stamp;

  @Mixin DataFolder data;

  @Mixin BrokerOptions broker;

  @Mixin CopySigningOptions copySigning;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Clock clock = Clock.systemDefaultZone();
    try (Sohoa sohoa = data.open(clock)) {
      if (officer != null && copySigning.officerKeystore()) {
        openOfficerKey(sohoa.catalog(), clock);
      }
      try (CopySigningOptions.Signers opened = copySigning.open(data.path, clock, err);
          BrokerOptions.Events events = broker.events(clock)) {
        DocumentId id = DocumentId.isOne(original) ? new DocumentId(original)
            : digitise(sohoa.digitiser(DigitizeOptions.defaults(), Optional.empty()),
                Path.of(original));
        CertifiedCopy copy = issue(sohoa, opened.signing(), id, events.sink());
        out.printf("issued certified copy %s: Số chứng thực %d, Quyển số %s%n",
            copy.entry().copyId(), copy.entry().number(), copy.entry().book().label());
        out.printf("  written to %s (stored as %s, sha256 %s)%n", output, copy.pdf().key(),
            copy.pdf().sha256().hex());
        out.printf("  verification: %s%n", copy.verificationUrl());
        out.flush();
      }
    }
    return ExitStatus.OK.code();
  }

  private CertifiedCopy issue(Sohoa sohoa, CopySigning signers, DocumentId id, EventSink events)
      throws Exception {
    CertificationService service = sohoa.certification(signers, copySigning.verificationBase(),
        events);
    Catalog catalog = sohoa.catalog();
    Officer who = officer == null ? Officer.of(signers.officer().certificate())
        : Officer.of(account(catalog));
    CertifiedCopy copy = service.issue(new CertificationRequest(id, who, service.agency(),
        catalog.register().office(Optional.ofNullable(office)), book,
        stamp ? Placement.STAMP : Placement.PAGE));
    data.record(sohoa, "certify", copy.entry().copyId().value(),
        copy.entry().sha256(), "Số chứng thực " + copy.entry().number() + ", "
            + copy.entry().book().label() + ", of " + id.value());
    try (InputStream in = sohoa.store().open(copy.pdf().key())) {
      AtomicOutput.write(output, in);
    }
    return copy;
  }

  /**
   * Opens the officer's keystore with its wrong passwords counted against the account, by the
   * catalog's one rule for wrong signing secrets (the console counts wrong PINs the same way): the
   * {@value OfficerAccounts#SIGNING_TRIES}th in a row locks the account's signing for a while.
   */
  private void openOfficerKey(Catalog catalog, Clock clock) throws SohoaException {
    OfficerAccount account = account(catalog);
    Instant now = clock.instant();
    if (account.signing().lockedAt(now)) {
      throw locked(account);
    }
    try {
      copySigning.officerKey();
    } catch (WrongSecret wrong) {
      OfficerAccount counted = catalog.officers().wrongSigningSecret(officer, now);
      if (counted.signing().lockedAt(now)) {
        throw locked(counted);
      }
      throw new WrongSecret(wrong.getMessage() + "; "
          + (OfficerAccounts.SIGNING_TRIES - counted.signing().failures())
          + " more wrong tries lock signing by " + officer, wrong.remedy());
    }
    if (account.signing().failures() > 0) {
      catalog.officers().succeeded(officer, OfficerAccount.Proof.PIN);
    }
  }

  private OfficerAccount account(Catalog catalog) throws StorageFailure, NotFound {
    return catalog.officers().find(officer).orElseThrow(() -> new NotFound(
        "there is no officer account " + officer, "list them with 'sohoa officers list'"));
  }

  private ConfigurationError locked(OfficerAccount account) {
    return new ConfigurationError("signing by " + officer + " is locked until "
        + ShownTime.of(account.signing().until().orElseThrow()) + " after "
        + OfficerAccounts.SIGNING_TRIES + " wrong key passwords or PINs in a row",
        "wait until then, or have an administrator run 'sohoa officers unlock " + officer + "'");
  }

  private static DocumentId digitise(Digitiser digitiser, Path file) throws Exception {
    DocumentOutcome outcome = digitiser.pipeline().process(file, PipelineListener.NONE);
    if (outcome instanceof DocumentOutcome.Digitised d) {
      return d.id();
    }
    if (outcome instanceof DocumentOutcome.Reused r) {
      return r.id();
    }
    DocumentOutcome.Failed f = (DocumentOutcome.Failed) outcome;
    throw new ConfigurationError("the original " + file + " cannot be digitised: " + f.message(),
        f.remedy());
  }
}
