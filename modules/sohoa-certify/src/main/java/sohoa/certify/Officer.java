package sohoa.certify;

import java.security.cert.X509Certificate;
import sohoa.catalog.OfficerAccount;
import sohoa.core.error.ConfigurationError;
import sohoa.sign.identity.CertificateNames;

/**
 * The certifying officer (người thực hiện chứng thực) as the lời chứng names them.
 *
 * @param name full name with its marks, e.g. {@code Lê Văn Tâm}
 * @param title the officer's title, e.g. {@code Phó Chủ tịch}
 */
public record Officer(String name, String title) {
  public Officer {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("the certifying officer's name is required");
    }
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("the certifying officer's title is required (chức danh)");
    }
    name = name.strip();
    title = title.strip();
  }

  /**
   * The officer an account names (sohoa officers add): a live account of an officer who may
   * certify.
   */
  public static Officer of(OfficerAccount account) throws ConfigurationError {
    if (account.disabledAt().isPresent()
        || !account.role().allows(OfficerAccount.Role.OFFICER)) {
      throw new ConfigurationError("the account " + account.username() + " may not certify"
          + " copies (disabled, or a clerk's)", "use a live officer account (sohoa officers"
          + " list)");
    }
    return new Officer(account.name(), account.title());
  }

  /**
   * The officer a signing certificate names: its holder (CN) and title (X.520 title). For keys
   * whose certificate carries no title, certify as an account instead.
   */
  public static Officer of(X509Certificate certificate) throws ConfigurationError {
    String title = CertificateNames.title(certificate).orElseThrow(() -> new ConfigurationError(
        "the officer's certificate (" + CertificateNames.commonName(certificate) + ") carries no"
            + " title (chức danh) to print in the lời chứng", "add the officer with 'sohoa"
            + " officers add' and certify with --officer USERNAME"));
    return new Officer(CertificateNames.commonName(certificate), title);
  }
}
