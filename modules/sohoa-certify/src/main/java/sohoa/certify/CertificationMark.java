package sohoa.certify;

import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfNumber;
import com.itextpdf.kernel.pdf.PdfString;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import sohoa.catalog.RegisterBook;
import sohoa.core.document.ContentHash;
import sohoa.core.document.CopyId;
import sohoa.core.document.DocumentId;

/**
 * What a certified copy says about itself, kept in a dictionary of the PDF's catalog so that any
 * reader finds it without parsing the page, and covered by both signatures like everything else.
 *
 * @param originalLength how many of the copy's first bytes are the original's PDF/A, unchanged:
 *     the copy is made by appending to it
 * @param originalSha256 the SHA-256 of those bytes, also in the QR code's address
 * @param verificationUrl the address the QR code encodes
 */
public record CertificationMark(CopyId copyId, RegisterBook book, int number,
    DocumentId originalId, long originalLength, ContentHash originalSha256, String officer,
    String officerTitle, String agency, Instant issuedAt, int pages, String verificationUrl) {
  /** The catalog key: a second-class name, prefixed as ISO 32000 asks. */
  static final PdfName KEY = new PdfName("SOHOA_CertifiedCopy");

  public CertificationMark {
    Objects.requireNonNull(copyId, "copyId");
    Objects.requireNonNull(book, "book");
    Objects.requireNonNull(originalId, "originalId");
    Objects.requireNonNull(originalSha256, "originalSha256");
    Objects.requireNonNull(issuedAt, "issuedAt");
    Objects.requireNonNull(verificationUrl, "verificationUrl");
    if (originalLength < 1 || pages < 1 || number < 1) {
      throw new IllegalArgumentException("a certification mark counts from 1");
    }
  }

  /** {@code <base>/verify/<copy-id>?sha256=<hex>}: what a phone opens from the QR code. */
  static String verificationUrl(URI base, CopyId copy, ContentHash original) {
    String root = base.toString().replaceAll("/+$", "");
    return root + "/verify/" + copy.value() + "?sha256=" + original.hex();
  }

  /** The digest the verification address carries, if it carries one. */
  public Optional<String> urlDigest() {
    int at = verificationUrl.indexOf("sha256=");
    return at < 0 ? Optional.empty()
        : Optional.of(verificationUrl.substring(at + 7).replaceAll("[&#].*", ""));
  }

  void writeTo(PdfDocument pdf) {
    PdfDictionary d = new PdfDictionary();
    d.put(new PdfName("CopyId"), text(copyId.value()));
    d.put(new PdfName("Office"), text(book.office()));
    d.put(new PdfName("Book"), text(book.code()));
    d.put(new PdfName("Year"), new PdfNumber(book.year()));
    d.put(new PdfName("Number"), new PdfNumber(number));
    d.put(new PdfName("Original"), text(originalId.value()));
    d.put(new PdfName("OriginalLength"), new PdfNumber(originalLength));
    d.put(new PdfName("OriginalSHA256"), text(originalSha256.hex()));
    d.put(new PdfName("Officer"), text(officer));
    d.put(new PdfName("OfficerTitle"), text(officerTitle));
    d.put(new PdfName("Agency"), text(agency));
    d.put(new PdfName("Issued"), text(issuedAt.toString()));
    d.put(new PdfName("Pages"), new PdfNumber(pages));
    d.put(new PdfName("VerificationURL"), text(verificationUrl));
    pdf.getCatalog().put(KEY, d);
  }

  /** The mark of a certified copy; empty for any other PDF. */
  static Optional<CertificationMark> readFrom(PdfDocument pdf) {
    PdfDictionary d = pdf.getCatalog().getPdfObject().getAsDictionary(KEY);
    if (d == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new CertificationMark(new CopyId(string(d, "CopyId")),
          new RegisterBook(string(d, "Office"), string(d, "Book"), number(d, "Year").intValue()),
          number(d, "Number").intValue(), new DocumentId(string(d, "Original")),
          number(d, "OriginalLength").longValue(), new ContentHash(string(d, "OriginalSHA256")),
          string(d, "Officer"), string(d, "OfficerTitle"), string(d, "Agency"),
          Instant.parse(string(d, "Issued")), number(d, "Pages").intValue(),
          string(d, "VerificationURL")));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("the certified copy's mark is damaged: "
          + e.getMessage(), e);
    }
  }

  private static PdfString text(String value) {
    return new PdfString(value, PdfEncodings.UNICODE_BIG);
  }

  private static String string(PdfDictionary d, String key) {
    PdfString value = d.getAsString(new PdfName(key));
    if (value == null) {
      throw new IllegalArgumentException("/" + key + " is missing");
    }
    return value.toUnicodeString();
  }

  private static PdfNumber number(PdfDictionary d, String key) {
    PdfNumber value = d.getAsNumber(new PdfName(key));
    if (value == null) {
      throw new IllegalArgumentException("/" + key + " is missing");
    }
    return value;
  }
}
