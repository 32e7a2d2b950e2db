package sohoa.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sohoa.catalog.Catalog;
import sohoa.certify.CertificationRequest;
import sohoa.certify.CertificationService;
import sohoa.certify.CertifiedCopy;
import sohoa.certify.CopyFonts;
import sohoa.certify.CopySigning;
import sohoa.certify.Officer;
import sohoa.certify.Placement;
import sohoa.core.document.DocumentId;
import sohoa.core.error.ConfigurationError;
import sohoa.core.error.ExitStatus;
import sohoa.pipeline.DigitizeOptions;
import sohoa.pipeline.DocumentOutcome;
import sohoa.pipeline.PipelineListener;
import sohoa.pipeline.Sohoa;
import sohoa.pipeline.Workspace;
import sohoa.sign.identity.Pkcs12Identities;
import sohoa.sign.identity.SigningIdentity;
import sohoa.sign.pades.PadesSigner;
import sohoa.sign.pades.SignatureLevel;
import sohoa.sign.pades.TimestampAuthority;
import sohoa.store.ObjectStore;

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

  @Option(names = "--officer", paramLabel = "NAME", required = true,
      description = "the certifying officer's full name, e.g. 'Lê Văn Tâm'")
  String officer;

  @Option(names = "--title", paramLabel = "TITLE", required = true,
      description = "the officer's title (chức danh), e.g. 'Phó Chủ tịch'")
  String title;

  @Option(names = "--agency", paramLabel = "NAME", required = true,
      description = "the certifying agency, e.g. 'Ủy ban nhân dân phường Bến Nghé'")
  String agency;

  @Option(names = "--office", paramLabel = "CODE", defaultValue = "local",
      description = "the certifying office's code in the register: each office numbers from 1 "
          + "every year; offices sharing a catalog need their own (default: ${DEFAULT-VALUE})")
  String office;

  @Option(names = "--register", paramLabel = "BOOK", defaultValue = "01",
      description = "the register book the copy is entered in; numbers continue across the "
          + "books of a year (default: ${DEFAULT-VALUE}, printed as 01/<year>-SCT/BS)")
  String book;

  @Option(names = "--stamp", description = "put the lời chứng in a stamp area at the foot of the"
      + " last page instead of on a certification page of its own")
  boolean stamp;

  @Option(names = "--level", paramLabel = "LEVEL",
      description = "PAdES level of both signatures: B-T, B-LT or B-LTA (default: B-LTA with "
          + "--tsa, else B-LT with the development TSA)")
  String level;

  @Option(names = "--base-url", paramLabel = "URL", defaultValue = "http://localhost:8080",
      description = "where 'sohoa serve' publishes the verification page the QR code opens "
          + "(default: ${DEFAULT-VALUE})")
  URI baseUrl;

  @Option(names = "--officer-identity", paramLabel = "KEYSTORE",
      description = "the officer's PKCS#12 keystore; its password from --officer-password-env, "
          + "--officer-password-file or a prompt")
  Path officerIdentity;

  @Option(names = "--officer-password-env", paramLabel = "VAR") String officerPasswordEnv;

  @Option(names = "--officer-password-file", paramLabel = "FILE") Path officerPasswordFile;

  @Option(names = "--agency-identity", paramLabel = "KEYSTORE",
      description = "the agency's PKCS#12 keystore (its seal); its password from "
          + "--agency-password-env, --agency-password-file or a prompt")
  Path agencyIdentity;

  @Option(names = "--agency-password-env", paramLabel = "VAR") String agencyPasswordEnv;

  @Option(names = "--agency-password-file", paramLabel = "FILE") Path agencyPasswordFile;

  @Mixin DataFolder data;

  @Mixin SigningOptions signing;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SignatureLevel signatureLevel = level != null ? SignatureLevel.of(level)
        : signing.tsa != null ? SignatureLevel.B_LTA : SignatureLevel.B_LT;
    if (!signatureLevel.timestamped()) {
      throw new ConfigurationError("a certified copy is signed at B-T or above, not " + level,
          "use --level B-LT (the default) or B-LTA");
    }
    if ((officerIdentity == null) != (agencyIdentity == null)) {
      throw new ConfigurationError("give both --officer-identity and --agency-identity, or"
          + " neither (the development identities)", "name both keystores");
    }
    Workspace workspace = Workspace.create(data.path);
    Clock clock = Clock.systemDefaultZone();
    try (DevelopmentIdentities development = officerIdentity == null
        ? DevelopmentIdentities.in(data.path, clock, err) : null) {
      CopySigning signers = signers(development, signatureLevel);
      if (development == null && !signers.officer().signerName().equals(officer)) {
        err.printf("warning: the lời chứng names %s but the officer's certificate is %s's%n",
            officer, signers.officer().signerName());
      }
      CertifiedCopy copy;
      if (DocumentId.isOne(original)) {
        try (Catalog catalog = data.catalogAddress().open()) {
          copy = issue(catalog, data.openStore(err), signers, workspace,
              new DocumentId(original), clock);
        }
      } else {
        try (Sohoa sohoa = Sohoa.open(workspace, DigitizeOptions.defaults(),
            Optional.empty(), data.deployment(), clock)) {
          DataFolder.warnWithoutObjectLock(sohoa.store(), err);
          copy = issue(sohoa.catalog(), sohoa.store(), signers, workspace,
              digitise(sohoa, Path.of(original)), clock);
        }
      }
      out.printf("issued certified copy %s: Số chứng thực %d, Quyển số %s%n",
          copy.entry().copyId(), copy.entry().number(), copy.entry().book().label());
      out.printf("  written to %s (stored as %s, sha256 %s)%n", output, copy.pdf().key(),
          copy.pdf().sha256().hex());
      out.printf("  verification: %s%n", copy.verificationUrl());
      out.flush();
    }
    return ExitStatus.OK.code();
  }

  private CertifiedCopy issue(Catalog catalog, ObjectStore store, CopySigning signers,
      Workspace workspace, DocumentId id, Clock clock) throws Exception {
    CertificationService service = new CertificationService(catalog, store, signers,
        CopyFonts.locate(), baseUrl, workspace.work(), clock);
    CertifiedCopy copy = service.issue(new CertificationRequest(id, new Officer(officer, title),
        agency, office, book, stamp ? Placement.STAMP : Placement.PAGE));
    try (InputStream in = store.open(copy.pdf().key())) {
      AtomicOutput.write(output, in);
    }
    return copy;
  }

  private static DocumentId digitise(Sohoa sohoa, Path file) throws Exception {
    DocumentOutcome outcome = sohoa.pipeline().process(file, PipelineListener.NONE);
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

  private CopySigning signers(DevelopmentIdentities development, SignatureLevel signatureLevel)
      throws Exception {
    if (development != null) {
      TimestampAuthority tsa = signing.tsa != null
          ? signing.timestampAuthority().orElseThrow() : development.timestampAuthority();
      return new CopySigning(
          new PadesSigner(development.identity("officer"), Optional.of(tsa),
              development.trustAnchors()),
          new PadesSigner(development.identity("agency"), Optional.of(tsa),
              development.trustAnchors()), signatureLevel);
    }
    TimestampAuthority tsa = signing.timestampAuthority().orElseThrow(() ->
        new ConfigurationError("certified copies are timestamped and no TSA is configured",
            "give the timestamp authority's address with --tsa URL"));
    return new CopySigning(
        new PadesSigner(load(officerIdentity, officerPasswordEnv, officerPasswordFile),
            Optional.of(tsa), signing.trustAnchors()),
        new PadesSigner(load(agencyIdentity, agencyPasswordEnv, agencyPasswordFile),
            Optional.of(tsa), signing.trustAnchors()), signatureLevel);
  }

  private static SigningIdentity load(Path keystore, String env, Path file)
      throws ConfigurationError {
    return Pkcs12Identities.load(keystore, Secret.read(env, file,
        "the password of the keystore " + keystore), Optional.empty());
  }
}
