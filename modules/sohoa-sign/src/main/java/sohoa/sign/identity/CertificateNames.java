package sohoa.sign.identity;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/** The parts of a certificate's subject that people read: who (CN), and which unit (OU, O). */
public final class CertificateNames {
  private CertificateNames() {}

  /** The common name (CN), e.g. {@code Nguyễn Thị Hoa}; the whole subject if it has none. */
  public static String commonName(X509Certificate certificate) {
    return attribute(certificate, "CN")
        .orElse(certificate.getSubjectX500Principal().getName());
  }

  /** The unit the certificate names: its OU when it has one (an officer's), else its O. */
  public static String unit(X509Certificate certificate) {
    return attribute(certificate, "OU").or(() -> attribute(certificate, "O")).orElse("");
  }

  private static Optional<String> attribute(X509Certificate certificate, String type) {
    try {
      List<Rdn> rdns = new LdapName(certificate.getSubjectX500Principal().getName()).getRdns();
      return rdns.stream().filter(rdn -> rdn.getType().equalsIgnoreCase(type))
          .map(rdn -> rdn.getValue().toString()).findFirst();
    } catch (InvalidNameException e) {
      throw new IllegalStateException("the JDK gave a subject it cannot parse: "
          + certificate.getSubjectX500Principal(), e);
    }
  }
}
