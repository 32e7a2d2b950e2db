package sohoa.certify;

import java.util.Objects;
import sohoa.core.document.DocumentId;

/**
 * One request for a certified copy of a digitised original.
 *
 * @param original the catalogued document the copy is made from
 * @param officer who certifies it
 * @param agency the certifying agency (cơ quan thực hiện chứng thực), as its seal names it
 * @param office the certifying office's code in the register: its numbers run by year
 * @param book the register book's code, e.g. {@code 01}; the year is the date of issue's
 * @param placement where the lời chứng goes
 */
public record CertificationRequest(DocumentId original, Officer officer, String agency,
    String office, String book, Placement placement) {
  public CertificationRequest {
    Objects.requireNonNull(original, "original");
    Objects.requireNonNull(officer, "officer");
    Objects.requireNonNull(placement, "placement");
    if (agency == null || agency.isBlank()) {
      throw new IllegalArgumentException("the certifying agency is required");
    }
    agency = agency.strip();
    Objects.requireNonNull(office, "office");
    Objects.requireNonNull(book, "book");
  }
}
