package sohoa.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sohoa.certify.CertificationMark;
import sohoa.certify.CertifiedCopyReader;
import sohoa.certify.SignerNames;
import sohoa.certify.CertifiedCopyReader.CopyCheck;
import sohoa.core.document.ContentHash;
import sohoa.core.error.ExitStatus;
import sohoa.sign.verify.PdfSignatureVerifier;
import sohoa.sign.verify.SignatureReport;
import sohoa.sign.verify.Verdict;
import sohoa.sign.verify.VerificationReport;

/** {@code sohoa verify FILE.pdf --trust ROOT.pem}: every signature's checks and a verdict. */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Verifies every signature of a PDF: integrity, byte "
        + "range, chain to a trust anchor, validity and revocation at signing time, timestamps, PAdES "
        + "level, and changes made after signing. Exit code 3 unless every signature is VALID.")
final class VerifyCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE.pdf", description = "the signed PDF")
  Path file;

  @Mixin SigningOptions signing;

  @Mixin DataFolder data;

  @Option(names = "--offline",
      description = "use only the revocation data the document carries; ask no OCSP responder")
  boolean offline;

  @Option(names = "--json", description = "print the report as JSON")
  boolean json;

  @Override
  public Integer call() throws Exception {
    VerificationReport report = new PdfSignatureVerifier(signing.trustAnchors(), !offline)
        .verify(file);
    Optional<CopyCheck> copy = report.problem().isPresent() ? Optional.empty()
        : CertifiedCopyReader.read(file);
    boolean copyHolds = copy.map(c -> c.holds(report)).orElse(true);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> map = report.toMap();
      copy.ifPresent(c -> map.put("certifiedCopy", c.toMap(report)));
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(map));
    } else {
      report.problem().ifPresent(p -> out.println("INVALID  " + p));
      for (SignatureReport s : report.signatures()) {
        out.printf("%-13s  %s  %s%s, signed %s, revocation: %s%n", s.verdict(), s.field(),
            s.documentTimestamp() ? "document timestamp by " : "", s.signer(),
            s.signingTime().map(Object::toString).orElse("?"), s.revocation());
        s.level().ifPresent(level -> out.printf("               level %s%n", level));
        s.problems().forEach(p -> out.printf("               problem: %s%n", p));
        s.changes().stream().filter(c -> c.startsWith("allowed"))
            .forEach(c -> out.printf("               %s%n", c));
      }
      copy.ifPresent(c -> print(out, c, report));
      out.printf("overall: %s (%d signature%s)%n", copyHolds ? report.verdict() : Verdict.INVALID,
          report.signatures().size(), report.signatures().size() == 1 ? "" : "s");
    }
    out.flush();
    boolean valid = report.verdict() == Verdict.VALID && copyHolds;
    data.recordIfArchived("verify", file.getFileName().toString(),
        Optional.of(ContentHash.of(file)), (valid ? "VALID" : "INVALID") + ", "
            + report.signatures().size() + " signature(s)");
    return valid ? ExitStatus.OK.code() : ExitStatus.VERIFICATION_FAILED.code();
  }

  /** A certified copy's register entry as it carries it, and its two signatures' verdicts. */
  private static void print(PrintWriter out, CopyCheck check, VerificationReport report) {
    CertificationMark m = check.mark();
    out.printf("certified copy (bản sao điện tử chứng thực): Số chứng thực %d, Quyển số %s%n",
        m.number(), m.book().label());
    out.printf("  original document  %s%n", m.originalId().value());
    out.printf("  certified by       %s %s, %s, %s%n", m.officerTitle(), m.officer(), m.agency(),
        m.issuedAt());
    out.printf("  pages              %d%n", m.pages());
    out.printf("  QR digest          %s%n", check.digestMatches()
        ? "matches the original's bytes in the copy"
        : "DOES NOT MATCH: the copy's original part is not what was certified");
    out.printf("  signatures         officer's %s, agency's %s%n", report.verdictOf(0),
        report.verdictOf(1));
    SignerNames signers = check.signers(report);
    out.printf("  officer's certificate  %s%n", named(signers.officerCertificate(),
        signers.officerMatches(), signers.printedOfficer()));
    out.printf("  agency's certificate   %s%n", named(signers.agencyCertificate(),
        signers.agencyMatches(), signers.printedAgency()));
  }

  /** A certificate's holder beside the name the lời chứng prints. */
  private static String named(Optional<String> certificate, boolean matches, String printed) {
    return certificate.map(c -> c + (matches ? " (the lời chứng names the same)"
        : ": DOES NOT MATCH the lời chứng, which names " + printed))
        .orElse("none: the copy is not signed");
  }
}
