package sohoa.sign.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import sohoa.sign.TestPki;
import sohoa.sign.pades.SignatureLevel;
import sohoa.sign.pades.SignatureRequest;

/**
 * Every published shadow attack class and variant ({@link ShadowAttack}) against
 * {@code sohoa verify}: the manipulated file is INVALID with the class of change named, and the
 * honest file it was made from (the shadow document signed by the officer, then the agency) is
 * not flagged. The EU's reference validator (DSS) reads each file too: it must find nothing wrong
 * with the honest ones, and what it flags in a manipulated one sohoa flags as well.
 */
class ShadowAttackTest {
  @TempDir static Path dir;
  private static TestPki pki;
  private static PdfSignatureVerifier verifier;

  @BeforeAll
  static void start() throws Exception {
    pki = TestPki.start(dir.resolve("pki"));
    verifier = new PdfSignatureVerifier(List.of(pki.root()), true);
  }

  @AfterAll
  static void stop() {
    pki.close();
  }

  private static byte[] sign(String who, byte[] pdf) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    pki.signer(who).sign(new ByteArrayInputStream(pdf), out,
        SignatureRequest.at(SignatureLevel.B_B));
    return out.toByteArray();
  }

  @ParameterizedTest
  @EnumSource(ShadowAttack.class)
  void verify_shadowAttack_isInvalidNamingTheClassOfChange(ShadowAttack attack) throws Exception {
    byte[] signed = sign("officer", attack.shadowDocument());
    Path file = Files.write(dir.resolve(attack + ".pdf"), attack.update(signed));

    VerificationReport report = verifier.verify(file);

    assertEquals(Verdict.INVALID, report.verdict(), report.toMap().toString());
    List<String> problems = report.signatures().get(0).problems();
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("after signing")
        && p.contains("[" + attack.expectedClass() + "]")), problems.toString());
    assertTrue(report.signatures().get(0).intact(), "the signed bytes themselves are untouched");
    List<String> dss = ReferenceOpinion.changesFlagged(file, pki.root());
    System.out.printf("%-45s sohoa: INVALID (%d problems)  DSS: %s%n", attack, problems.size(),
        dss.isEmpty() ? "nothing flagged" : dss);
  }

  @ParameterizedTest
  @EnumSource(ShadowAttack.class)
  void verify_honestFileTheAttackStartsFrom_isValid(ShadowAttack attack) throws Exception {
    byte[] honest = sign("agency", sign("officer", attack.shadowDocument()));
    Path file = Files.write(dir.resolve(attack + "-honest.pdf"), honest);

    VerificationReport report = verifier.verify(file);

    assertEquals(Verdict.VALID, report.verdict(), report.toMap().toString());
    assertTrue(report.signatures().get(0).changes().stream()
        .noneMatch(c -> c.startsWith("not allowed")), report.toMap().toString());
    assertEquals(List.of(), ReferenceOpinion.changesFlagged(file, pki.root()));
  }

  @ParameterizedTest
  @EnumSource(ShadowAttack.class)
  void verify_attackAfterAnHonestSecondSignature_stillNamesTheFirstSignatureInvalid(
      ShadowAttack attack) throws Exception {
    byte[] signedTwice = sign("agency", sign("officer", attack.shadowDocument()));
    Path file = Files.write(dir.resolve(attack + "-after-two.pdf"), attack.update(signedTwice));

    VerificationReport report = verifier.verify(file);

    assertEquals(Verdict.INVALID, report.verdict());
    assertNotEquals(Verdict.VALID, report.signatures().get(0).verdict());
    assertEquals(Verdict.INVALID, report.signatures().get(1).verdict(),
        "the agency's signature was also made before the manipulation");
  }
}
