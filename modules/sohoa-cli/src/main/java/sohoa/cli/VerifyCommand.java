package sohoa.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sohoa.core.error.ExitStatus;
import sohoa.sign.verify.PdfSignatureVerifier;
import sohoa.sign.verify.SignatureReport;
import sohoa.sign.verify.VerificationReport;
import sohoa.sign.verify.Verdict;

/** {@code sohoa verify FILE.pdf --trust ROOT.pem}: every signature's checks and a verdict. */
@Command(name = "verify", description = "Verifies every signature of a PDF: integrity, byte "
    + "range, chain to a trust anchor, validity and revocation at signing time, timestamps, PAdES "
    + "level, and changes made after signing. Exit code 3 unless every signature is VALID.")
final class VerifyCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE.pdf", description = "the signed PDF")
  Path file;

  @Mixin SigningOptions signing;

  @Option(names = "--offline",
      description = "use only the revocation data the document carries; ask no OCSP responder")
  boolean offline;

  @Option(names = "--json", description = "print the report as JSON")
  boolean json;

  @Override
  public Integer call() throws Exception {
    VerificationReport report = new PdfSignatureVerifier(signing.trustAnchors(), !offline)
        .verify(file);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
          .writeValueAsString(asMap(report)));
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
      out.printf("overall: %s (%d signature%s)%n", report.verdict(), report.signatures().size(),
          report.signatures().size() == 1 ? "" : "s");
    }
    out.flush();
    return report.verdict() == Verdict.VALID ? ExitStatus.OK.code()
        : ExitStatus.VERIFICATION_FAILED.code();
  }

  private static Map<String, Object> asMap(VerificationReport report) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("file", report.file());
    map.put("verdict", report.verdict().name());
    report.problem().ifPresent(p -> map.put("problem", p));
    List<Map<String, Object>> signatures = report.signatures().stream().map(s -> {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("field", s.field());
      one.put("documentTimestamp", s.documentTimestamp());
      one.put("signer", s.signer());
      s.signingTime().ifPresent(t -> one.put("signingTime", t.toString()));
      s.level().ifPresent(l -> one.put("level", l));
      one.put("intact", s.intact());
      one.put("byteRangeWhole", s.byteRangeWhole());
      one.put("chain", s.chain().orElse("trusted"));
      one.put("revocation", s.revocation());
      one.put("timestamp", s.timestamp().orElse("valid or none"));
      one.put("changesAfter", s.changes());
      one.put("problems", s.problems());
      one.put("verdict", s.verdict().name());
      return one;
    }).toList();
    map.put("signatures", signatures);
    return map;
  }
}
