package sohoa.certify;

import java.util.Objects;
import sohoa.catalog.RegisterEntry;
import sohoa.store.StoredObject;

/**
 * An issued certified copy: its register entry (number, book, officer, agency) and the signed PDF
 * as stored ({@code copies/<copy-id>/certified.pdf}).
 */
public record CertifiedCopy(RegisterEntry entry, StoredObject pdf, String verificationUrl) {
  public CertifiedCopy {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(pdf, "pdf");
    Objects.requireNonNull(verificationUrl, "verificationUrl");
  }
}
