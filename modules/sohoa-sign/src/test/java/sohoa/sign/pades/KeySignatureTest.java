package sohoa.sign.pades;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Signature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sohoa.sign.TestPki;
import sohoa.sign.identity.SigningIdentity;

class KeySignatureTest {
  @TempDir static Path dir;
  private static TestPki pki;

  @BeforeAll
  static void startPki() throws Exception {
    pki = TestPki.start(dir.resolve("pki"));
  }

  @AfterAll
  static void stopPki() {
    pki.close();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({"officer, RSA", "agency, ECDSA"})
  void sign_keyInMemory_signsWithAwsLcAndTheJdkVerifies(String who, String algorithm)
      throws Exception {
    SigningIdentity identity = pki.identity(who);
    KeySignature signature = KeySignature.of(identity);
    byte[] attributes = "thuộc tính đã ký".getBytes(StandardCharsets.UTF_8);

    byte[] value = signature.sign(attributes);

    assertEquals(algorithm, signature.getSignatureAlgorithmName());
    assertEquals("AmazonCorrettoCryptoProvider", signature.provider().orElseThrow().getName(),
        "this machine (Linux x86-64) loads AWS-LC");
    Signature check = Signature.getInstance("SHA256with" + algorithm);
    check.initVerify(identity.certificate());
    check.update(attributes);
    assertTrue(check.verify(value), "the JDK's own code accepts AWS-LC's signature");
  }
}
