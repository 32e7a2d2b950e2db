package sohoa.sign.pki;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** The development PKI's files: PKCS#12 keystores and PEM certificates. */
final class PkiFiles {
  private PkiFiles() {}

  /** Writes {@code keystore} to {@code file}, protected by {@code password}. */
  static void save(KeyStore keystore, Path file, char[] password)
      throws IOException, GeneralSecurityException {
    try (OutputStream out = Files.newOutputStream(file)) {
      keystore.store(out, password);
    }
  }

  /** Writes {@code certificate} to {@code file} as PEM. */
  static void pem(Path file, X509Certificate certificate) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(certificate);
    }
    Files.writeString(file, text.toString(), StandardCharsets.US_ASCII);
  }
}
