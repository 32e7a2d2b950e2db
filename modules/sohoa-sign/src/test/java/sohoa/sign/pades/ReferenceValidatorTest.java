package sohoa.sign.pades;

import static org.junit.jupiter.api.Assertions.assertEquals;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.jaxb.object.Message;
import eu.europa.esig.dss.simplereport.SimpleReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import sohoa.sign.ReferenceValidator;
import sohoa.sign.TestPki;
import sohoa.testkit.fixtures.ScanFiles;

/**
 * The EU's reference validator (DSS) as a second opinion on every level sohoa signs at: it must
 * pass each signature totally and name the PAdES baseline level that was asked for.
 */
class ReferenceValidatorTest {
  @TempDir static Path dir;
  private static TestPki pki;
  private static byte[] unsigned;

  @BeforeAll
  static void start() throws Exception {
    pki = TestPki.start(dir.resolve("pki"));
    unsigned = Files.readAllBytes(ScanFiles.blankScannedPdf(dir.resolve("quyet-dinh.pdf")));
  }

  @AfterAll
  static void stop() {
    pki.close();
  }

  @ParameterizedTest(name = "{0} with the {1} key")
  @CsvSource({"B-B, officer, PAdES_BASELINE_B", "B-T, officer, PAdES_BASELINE_T",
      "B-LT, officer, PAdES_BASELINE_LT", "B-LTA, officer, PAdES_BASELINE_LTA",
      "B-LTA, agency, PAdES_BASELINE_LTA"})
  void dss_passesEachLevelTotally(String label, String who, String format) throws Exception {
    ByteArrayOutputStream signed = new ByteArrayOutputStream();
    pki.signer(who).sign(new ByteArrayInputStream(unsigned), signed,
        SignatureRequest.at(SignatureLevel.of(label)));
    Path file = Files.write(dir.resolve(label + "-" + who + ".pdf"), signed.toByteArray());

    SimpleReport report = ReferenceValidator.validate(file, pki.root());

    String id = report.getFirstSignatureId();
    assertEquals(Indication.TOTAL_PASSED, report.getIndication(id),
        report.getSubIndication(id) + ": " + report.getAdESValidationErrors(id).stream()
            .map(Message::getValue).toList());
    assertEquals(format, report.getSignatureFormat(id).name());
  }
}
