package sohoa.catalog;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Someone who logs in to the officer console (cán bộ), without the password.
 *
 * @param agency the agency whose records alone the account may see; empty: all
 * @param signingKey where the officer's own signing key is (a PKCS#12 file, or
 *     {@code pkcs11:<token label>}); its PIN is asked at each signature, never stored
 * @param logins wrong passwords in a row, and until when they lock logins
 * @param signing wrong PINs in a row of the signing key, and until when they lock signing
 * @param certificate the signing certificate the account is bound to; an account without one
 *     signs nothing
 */
public record OfficerAccount(String username, String name, String title, Optional<String> agency,
    Role role, Optional<String> signingKey, Lockout logins, Lockout signing, Instant createdAt,
    Optional<Instant> disabledAt, Optional<CertificateBinding> certificate) {
  /** What an account may do in the console; each role may do what the one before may. */
  public enum Role {
    /** Search, read, upload scans and correct what OCR read (văn thư, lưu trữ). */
    CLERK,
    /** Also issue certified copies (cán bộ chứng thực). */
    OFFICER;

    public boolean allows(Role needed) {
      return compareTo(needed) >= 0;
    }
  }

  /** What the officer proves identity with; each has its own count of wrong tries. */
  public enum Proof {
    /** The console password, at login. */
    PASSWORD,
    /** The signing key's PIN, at each signature. */
    PIN
  }

  public OfficerAccount {
    if (username == null || !username.matches("[a-z0-9][a-z0-9._-]{1,63}")) {
      throw new IllegalArgumentException("a user name is 2 to 64 lower-case letters, digits,"
          + " '.', '_' or '-', not " + username);
    }
    if (name == null || name.isBlank() || title == null || title.isBlank()) {
      throw new IllegalArgumentException("an officer has a name and a title");
    }
    Objects.requireNonNull(agency, "agency");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(signingKey, "signingKey");
    Objects.requireNonNull(logins, "logins");
    Objects.requireNonNull(signing, "signing");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(disabledAt, "disabledAt");
    Objects.requireNonNull(certificate, "certificate");
  }

  /** A new account: no failures, not locked, not disabled. */
  public static OfficerAccount of(String username, String name, String title,
      Optional<String> agency, Role role, Optional<String> signingKey, Instant createdAt) {
    return new OfficerAccount(username, name, title, agency, role, signingKey, Lockout.NONE,
        Lockout.NONE, createdAt, Optional.empty(), Optional.empty());
  }

  /** Whether the account is bound to {@code certificate}: only its key may sign as the account. */
  public boolean boundTo(X509Certificate certificate) {
    return this.certificate.filter(c -> c.matches(certificate)).isPresent();
  }

  /** The same account bound to {@code binding}. */
  public OfficerAccount boundTo(CertificateBinding binding) {
    return new OfficerAccount(username, name, title, agency, role, signingKey, logins, signing,
        createdAt, disabledAt, Optional.of(binding));
  }

  /** Whether the account may see a document issued by {@code documentAgency}. */
  public boolean maySee(Optional<String> documentAgency) {
    return AgencyScope.covers(agency, documentAgency);
  }

  public Lockout lockout(Proof proof) {
    return proof == Proof.PASSWORD ? logins : signing;
  }
}
