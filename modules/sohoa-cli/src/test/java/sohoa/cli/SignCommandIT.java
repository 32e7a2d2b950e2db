package sohoa.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import sohoa.core.ocr.EngineFactory;
import sohoa.sign.identity.Pkcs12Identities;
import sohoa.sign.identity.SigningIdentity;
import sohoa.sign.pki.PkiLayout;
import sohoa.sign.service.PkiService;
import sohoa.testkit.fixtures.ScanFiles;
import sohoa.testkit.mq.RabbitBroker;
import sohoa.testkit.net.FreePorts;
import sohoa.testkit.ocr.ScriptedEngine;
import sohoa.testkit.pdf.PdfaValidation;
import sohoa.testkit.pdf.Poppler;
import sohoa.testkit.token.SoftHsmToken;

/** {@code sohoa pki init}, {@code sign} and {@code extend} as an officer runs them. */
@Order(Lanes.AFTER_SCALE_OUT)
@ResourceLock(value = Locks.RABBITMQ, mode = ResourceAccessMode.READ)
class SignCommandIT {
  /** The scans signed here are read as blank pages, without Tesseract: signing is the subject. */
  private static final EngineFactory BLANK = ScriptedEngine.reading();
  @TempDir static Path dir;
  private static Path pki;
  private static String tsa;
  private static PkiService service;
  private static Path unsigned;

  @BeforeAll
  static void makePki() throws Exception {
    int port = FreePorts.next();
    pki = dir.resolve("pki");
    SohoaProcess.Result init = SohoaCli.run("pki", "init", pki.toString(),
        "--port", String.valueOf(port));
    assertEquals(0, init.exitCode(), init.err());
    assertTrue(init.out().contains("UNTRUSTED"), init.out());
    PkiLayout layout = new PkiLayout(pki);
    service = PkiService.start(layout,
        Files.readString(layout.passwordFile()).strip().toCharArray(), Clock.systemUTC());
    tsa = service.base() + "tsa";
    unsigned = ScanFiles.blankScannedPdf(dir.resolve("cong-van.pdf"));
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  @Test
  void signAndVerify_inAnArchivesFolder_areWrittenToItsAuditLog() throws Exception {
    Path data = dir.resolve("data-audit");
    assertEquals(0, SohoaCli.run(BLANK, Map.of(), "digitize",
        SohoaProcess.ROOT.resolve("samples/scans/02-giay-chung-nhan.jpg").toString(), "--data",
        data.toString()).exitCode());
    Path signed = dir.resolve("to-trinh-ky.pdf");

    SohoaProcess.Result sign = SohoaCli.run("sign", unsigned.toString(), "-o",
        signed.toString(), "--identity", pki.resolve("officer.p12").toString(),
        "--password-file", pki.resolve("password").toString(), "--level", "B-B", "--data",
        data.toString());
    SohoaProcess.Result verify = SohoaCli.run("verify", signed.toString(), "--trust",
        pki.resolve("root-ca.pem").toString(), "--offline", "--data", data.toString());
    SohoaProcess.Result export = SohoaCli.run("audit", "export", "--data",
        data.toString(), "--from", "2020-01-01", "--to", "2099-12-31", "-o",
        dir.resolve("nhat-ky.jsonl").toString());

    assertEquals(0, sign.exitCode(), sign.err());
    assertEquals(0, export.exitCode(), export.err());
    List<String> entries = Files.readAllLines(dir.resolve("nhat-ky.jsonl"));
    assertTrue(entries.stream().anyMatch(e -> e.contains("\"action\":\"sign\"")
        && e.contains("to-trinh-ky.pdf") && e.contains("PAdES B-B by Nguyễn Thị Hoa")),
        String.join("\n", entries));
    assertTrue(entries.stream().anyMatch(e -> e.contains("\"action\":\"verify\"")
        && e.contains("to-trinh-ky.pdf")), verify.out() + String.join("\n", entries));
  }

  @Test
  void signThenExtend_givesSignaturesPopplerFindsValid_andNeverPrintsThePassword()
      throws Exception {
    Path signed = dir.resolve("cong-van-ky.pdf");
    Path extended = dir.resolve("cong-van-lta.pdf");
    String password = Files.readString(pki.resolve("password")).strip();

    SohoaProcess.Result sign = SohoaCli.run("sign", unsigned.toString(),
        "-o", signed.toString(), "--identity", pki.resolve("officer.p12").toString(),
        "--password-file", pki.resolve("password").toString(), "--level", "B-LT",
        "--tsa", tsa, "--trust", pki.resolve("root-ca.pem").toString(),
        "--reason", "Phê duyệt", "--location", "Thanh Hóa");
    SohoaProcess.Result extend = SohoaCli.run("extend", signed.toString(),
        "-o", extended.toString(), "--tsa", tsa, "--trust", pki.resolve("root-ca.pem").toString());

    assertEquals(0, sign.exitCode(), sign.err());
    assertTrue(sign.out().contains("Nguyễn Thị Hoa"), sign.out());
    assertTrue(sign.out().contains("PAdES B-LT"), sign.out());
    assertEquals(0, extend.exitCode(), extend.err());
    for (SohoaProcess.Result r : List.of(sign, extend)) {
      assertFalse(r.out().contains(password) || r.err().contains(password));
    }
    String report = Poppler.pdfsig(extended);
    assertTrue(report.contains("Signature #2"), "signature and document timestamp: " + report);
    assertTrue(report.contains("Signature Validation: Signature is Valid."), report);
    Process qpdf = new ProcessBuilder("qpdf", "--check", extended.toString())
        .redirectErrorStream(true).start();
    String check = new String(qpdf.getInputStream().readAllBytes());
    assertEquals(0, qpdf.waitFor(), check);

    SohoaProcess.Result verified = SohoaCli.run("verify", extended.toString(),
        "--trust", pki.resolve("root-ca.pem").toString());
    assertEquals(0, verified.exitCode(), verified.out() + verified.err());
    assertTrue(verified.out().contains("level B-LTA"), verified.out());
    assertTrue(verified.out().contains("overall: VALID (2 signatures)"), verified.out());
  }

  @Test
  void verify_truncatedSignedFile_exitsThreeSayingWhy() throws Exception {
    Path signed = dir.resolve("to-be-cut.pdf");
    SohoaProcess.Result sign = SohoaCli.run("sign", unsigned.toString(),
        "-o", signed.toString(), "--identity", pki.resolve("officer.p12").toString(),
        "--password-file", pki.resolve("password").toString(), "--level", "B-B");
    assertEquals(0, sign.exitCode(), sign.err());
    byte[] bytes = Files.readAllBytes(signed);
    Path cut = Files.write(dir.resolve("cut.pdf"), Arrays.copyOf(bytes, bytes.length / 2));

    SohoaProcess.Result verified = SohoaCli.run("verify", cut.toString(), "--trust",
        pki.resolve("root-ca.pem").toString(), "--json");

    assertEquals(3, verified.exitCode(), verified.out() + verified.err());
    assertTrue(verified.out().contains("\"verdict\" : \"INVALID\""), verified.out());
  }

  @Test
  void digitizeWithSign_sealsEachPdfaWhichStaysPdfa() throws Exception {
    Path data = dir.resolve("data");

    SohoaProcess.Result run = SohoaCli.run(BLANK, Map.of(), "digitize",
        SohoaProcess.ROOT.resolve("samples/scans/01-quyet-dinh-ubnd-xa.tif").toString(),
        "--data", data.toString(), "--sign", "--sign-identity",
        pki.resolve("agency.p12").toString(), "--password-file",
        pki.resolve("password").toString(), "--sign-level", "B-LT", "--tsa", tsa,
        "--trust", pki.resolve("root-ca.pem").toString());

    assertEquals(0, run.exitCode(), run.err());
    assertFalse(run.err().contains("UNTRUSTED"), run.err());
    Path pdfa;
    try (var documents = Files.list(data.resolve("store/documents"))) {
      pdfa = documents.findFirst().orElseThrow().resolve("pdfa.pdf");
    }
    assertTrue(PdfaValidation.validate(pdfa).compliant(), "still PDF/A-2u once sealed");
    String report = Poppler.pdfsig(pdfa);
    assertTrue(report.contains("Văn phòng Ủy ban nhân dân tỉnh Thanh Hóa"), report);
    assertTrue(report.contains("Signature Validation: Signature is Valid."), report);
    String manifest = Files.readString(pdfa.resolveSibling("manifest.json"));
    assertTrue(manifest.contains("\"level\" : \"B-LT\""), manifest);
  }

  @Test
  void sign_visibleCertifyingSignatureOnAPdfa_keepsItPdfaAndShowsVietnamese() throws Exception {
    Path data = dir.resolve("data-visible");
    SohoaProcess.Result digitized = SohoaCli.run(BLANK, Map.of(), "digitize",
        SohoaProcess.ROOT.resolve("samples/scans/01-quyet-dinh-ubnd-xa.tif").toString(),
        "--data", data.toString());
    assertEquals(0, digitized.exitCode(), digitized.err());
    Path pdfa;
    try (var documents = Files.list(data.resolve("store/documents"))) {
      pdfa = documents.findFirst().orElseThrow().resolve("pdfa.pdf");
    }
    Path signed = dir.resolve("visible.pdf");

    SohoaProcess.Result sign = SohoaCli.run("sign", pdfa.toString(), "-o",
        signed.toString(), "--identity", pki.resolve("officer.p12").toString(),
        "--password-file", pki.resolve("password").toString(), "--level", "B-T", "--tsa", tsa,
        "--visible", "1:320,60,230,70", "--certify");

    assertEquals(0, sign.exitCode(), sign.err());
    assertTrue(PdfaValidation.validate(signed).compliant(), "still PDF/A-2u with the box");
    String report = Poppler.pdfsig(signed);
    assertTrue(report.contains("Signature Validation: Signature is Valid."), report);
  }

  @Test
  void digitizeWithSignAlone_usesTheDevelopmentIdentity_saysItIsUntrusted_andAnnouncesTheSeal()
      throws Exception {
    Path data = dir.resolve("data-dev");
    try (RabbitBroker rabbit = RabbitBroker.create()) {
      String events = rabbit.listen(rabbit.names() + ".events", "document.*");

      SohoaProcess.Result run = SohoaCli.run(Map.of("SOHOA_BROKER", rabbit.address()),
          "digitize",
          SohoaProcess.ROOT.resolve("samples/scans/01-quyet-dinh-ubnd-xa.tif").toString(),
          "--data", data.toString(), "--sign", "--queues", rabbit.names());

      assertEquals(0, run.exitCode(), run.err());
      assertTrue(run.err().contains("development identity") && run.err().contains("UNTRUSTED"),
          run.err());
      assertTrue(Files.isRegularFile(data.resolve("pki/agency.p12")));
      assertEquals(List.of("document.digitised", "document.signed"),
          rabbit.take(events).stream().map(RabbitBroker.Message::type).toList(), run.err());
    }
  }

  @Test
  void sign_onAPkcs11TokenChosenByLabel_withThePinFromAFile() throws Exception {
    PkiLayout layout = new PkiLayout(pki);
    SigningIdentity officer = Pkcs12Identities.load(layout.keystore("officer"),
        Files.readString(layout.passwordFile()).strip().toCharArray(), Optional.empty());
    SoftHsmToken.create("van-thu", "482915", officer.key(), officer.certificate(), "officer");
    Path pin = Files.writeString(dir.resolve("pin"), "482915\n");
    Path signed = dir.resolve("token-signed.pdf");

    SohoaProcess.Result sign = SohoaCli.run("sign", unsigned.toString(),
        "-o", signed.toString(), "--pkcs11", SoftHsmToken.MODULE.toString(),
        "--token-label", "van-thu", "--alias", "officer",
        "--chain", layout.issuingCertificate().toString(), "--password-file", pin.toString(),
        "--level", "B-T", "--tsa", tsa);

    assertEquals(0, sign.exitCode(), sign.err());
    assertTrue(sign.out().contains("Nguyễn Thị Hoa"), sign.out());
    SohoaProcess.Result verified = SohoaCli.run("verify", signed.toString(), "--trust",
        layout.rootCertificate().toString());
    assertEquals(0, verified.exitCode(), verified.out());
    assertTrue(verified.out().contains("level B-T"), verified.out());
  }

  @Test
  void sign_wrongPassword_isAConfigurationErrorThatWritesNothing() throws Exception {
    Path wrong = Files.writeString(dir.resolve("wrong-password"), "not-the-password\n");
    Path signed = dir.resolve("not-signed.pdf");

    SohoaProcess.Result sign = SohoaCli.run("sign", unsigned.toString(),
        "-o", signed.toString(), "--identity", pki.resolve("officer.p12").toString(),
        "--password-file", wrong.toString(), "--level", "B-B");

    assertEquals(2, sign.exitCode(), sign.err());
    assertTrue(sign.err().contains("the password does not open the keystore"), sign.err());
    assertFalse(Files.exists(signed));
  }

  @Test
  void sign_tsaDown_failsNamingItAndWritesNothing() throws Exception {
    int closed = FreePorts.next();
    Path signed = dir.resolve("not-timestamped.pdf");

    SohoaProcess.Result sign = SohoaCli.run("sign", unsigned.toString(),
        "-o", signed.toString(), "--identity", pki.resolve("agency.p12").toString(),
        "--password-file", pki.resolve("password").toString(), "--level", "B-T",
        "--tsa", "http://127.0.0.1:" + closed + "/tsa", "--tsa-timeout", "2");

    assertEquals(1, sign.exitCode(), sign.err());
    assertTrue(sign.err().contains("127.0.0.1:" + closed), sign.err());
    assertFalse(Files.exists(signed));
  }
}
