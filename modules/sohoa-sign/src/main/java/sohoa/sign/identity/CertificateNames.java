package sohoa.sign.identity;

import java.security.cert.X509Certificate;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

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

  /** The holder's title (X.520 {@code title}, 2.5.4.12), e.g. {@code Chuyên viên}, if it has one. */
  public static Optional<String> title(X509Certificate certificate) {
    RDN[] titles = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded())
        .getRDNs(BCStyle.T);
    return titles.length == 0 ? Optional.empty()
        : Optional.of(IETFUtils.valueToString(titles[0].getFirst().getValue()));
  }

  /**
   * Whether two names are the same name as people read them: the same letters and marks
   * (Unicode NFC), whatever the case and the spacing.
   */
  public static boolean sameName(String one, String other) {
    return folded(one).equals(folded(other));
  }

  private static String folded(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ")
        .toLowerCase(Locale.ROOT);
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
