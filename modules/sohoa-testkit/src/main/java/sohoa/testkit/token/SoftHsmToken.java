package sohoa.testkit.token;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Makes a SoftHSM2 token holding one key and its certificate, with Debian's softhsm2-util and
 * OpenSC's pkcs11-tool, as an officer's token would hold them. SoftHSM2 finds its tokens through
 * the {@code SOFTHSM2_CONF} environment variable, which the build sets for the test JVM (and so
 * for the processes it starts); this writes that file and a fresh token folder beside it.
 */
public final class SoftHsmToken {
  /** Debian's SoftHSM2 PKCS#11 module. */
  public static final Path MODULE = Path.of("/usr/lib/softhsm/libsofthsm2.so");

  private SoftHsmToken() {}

  /**
   * Creates the token {@code label} with user PIN {@code pin} and puts {@code key} and
   * {@code certificate} on it under {@code keyLabel}, replacing any tokens made before.
   */
  public static void create(String label, String pin, PrivateKey key,
      X509Certificate certificate, String keyLabel) throws IOException, InterruptedException {
    Path tokens = freshTokenFolder();
    add(tokens, label, pin, key, certificate, keyLabel);
  }

  /** Adds a further token beside those already made, as a second USB token plugged in. */
  public static void add(String label, String pin, PrivateKey key, X509Certificate certificate,
      String keyLabel) throws IOException, InterruptedException {
    add(tokenFolder(), label, pin, key, certificate, keyLabel);
  }

  private static Path tokenFolder() {
    String conf = System.getenv("SOFTHSM2_CONF");
    if (conf == null) {
      throw new IllegalStateException("SOFTHSM2_CONF is not set for this test JVM: set it in the"
          + " module's surefire or failsafe configuration");
    }
    return Path.of(conf).resolveSibling("tokens");
  }

  private static Path freshTokenFolder() throws IOException {
    Path tokens = tokenFolder();
    if (Files.exists(tokens)) {
      try (Stream<Path> old = Files.walk(tokens)) {
        old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    Files.createDirectories(tokens);
    Files.writeString(Path.of(System.getenv("SOFTHSM2_CONF")),
        "directories.tokendir = " + tokens + "\nobjectstore.backend = file\n");
    return tokens;
  }

  private static void add(Path tokens, String label, String pin, PrivateKey key,
      X509Certificate certificate, String keyLabel) throws IOException, InterruptedException {
    Path keyFile = Files.createTempFile(tokens.getParent(), "key", ".pem");
    Path certificateFile = Files.createTempFile(tokens.getParent(), "certificate", ".der");
    try {
      // getEncoded() of a private key is its PKCS#8 form, which softhsm2-util imports as PEM.
      Files.writeString(keyFile, "-----BEGIN PRIVATE KEY-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
          + "\n-----END PRIVATE KEY-----\n");
      Files.write(certificateFile, certificate.getEncoded());
      run(List.of("softhsm2-util", "--init-token", "--free", "--label", label, "--pin", pin,
          "--so-pin", pin + "0"));
      run(List.of("softhsm2-util", "--import", keyFile.toString(), "--token", label, "--label",
          keyLabel, "--id", "01", "--pin", pin));
      run(List.of("pkcs11-tool", "--module", MODULE.toString(), "--token-label", label,
          "--login", "--pin", pin, "--write-object", certificateFile.toString(), "--type", "cert",
          "--id", "01", "--label", keyLabel));
    } catch (CertificateEncodingException e) {
      throw new IOException("cannot encode the certificate for the token", e);
    } finally {
      Files.deleteIfExists(keyFile);
      Files.deleteIfExists(certificateFile);
    }
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + out);
    }
  }
}
