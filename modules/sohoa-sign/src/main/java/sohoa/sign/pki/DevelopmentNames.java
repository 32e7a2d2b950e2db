package sohoa.sign.pki;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * The names in the development PKI's certificates: Vietnamese, with their marks, and each marked
 * {@value #UNTRUSTED} so that nobody mistakes a development signature for a real one.
 */
final class DevelopmentNames {
  static final String UNTRUSTED = "sohoa development PKI - UNTRUSTED";

  private DevelopmentNames() {}

  /** A CA, a timestamp authority or a responder. */
  static X500Name name(String commonName) {
    return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN")
        .addRDN(BCStyle.O, UNTRUSTED).addRDN(BCStyle.CN, commonName).build();
  }

  /** An officer: full name and title, of the province's people's committee. */
  static X500Name person(String fullName, String title) {
    return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN")
        .addRDN(BCStyle.O, UNTRUSTED).addRDN(BCStyle.OU, "Ủy ban nhân dân tỉnh Thanh Hóa")
        .addRDN(BCStyle.T, title).addRDN(BCStyle.CN, fullName).build();
  }

  /** An agency, for its seal. */
  static X500Name organisation(String name) {
    return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN")
        .addRDN(BCStyle.O, UNTRUSTED).addRDN(BCStyle.CN, name).build();
  }
}
