package sohoa.sign.identity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import sohoa.core.error.ConfigurationError;

/** Certificates from a PEM (or DER) file: trust anchors, the rest of a chain. */
public final class PemCertificates {
  private PemCertificates() {}

  /** Every certificate in {@code file}, in order. */
  public static List<X509Certificate> read(Path file) throws ConfigurationError {
    try (InputStream in = Files.newInputStream(file)) {
      List<X509Certificate> certificates = new ArrayList<>();
      for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        certificates.add((X509Certificate) c);
      }
      if (certificates.isEmpty()) {
        throw new ConfigurationError("no certificate in " + file,
            "give a file of certificates in PEM or DER");
      }
      return certificates;
    } catch (IOException | GeneralSecurityException e) {
      throw new ConfigurationError("cannot read certificates from " + file + ": "
          + e.getMessage(), "give a file of certificates in PEM or DER");
    }
  }
}
