package sohoa.certify;

import com.itextpdf.kernel.pdf.PdfDocument;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import sohoa.core.document.ContentHash;
import sohoa.sign.verify.VerificationReport;
import sohoa.sign.pdf.BoundedReaders;

/**
 * Recognises a certified copy and checks it against its original: that the copy's first bytes
 * (the original's PDF/A, which the copy appends to) still hash to the digest its QR code carries.
 * Whether the signatures hold is the signature verifier's to say.
 */
public final class CertifiedCopyReader {
  private CertifiedCopyReader() {}

  /**
   * What a certified copy says about itself, and whether its original's bytes match the digest
   * in its QR code.
   *
   * @param digestMatches the first {@code originalLength} bytes hash to the mark's digest, and the
   *     verification address carries that same digest
   */
  public record CopyCheck(CertificationMark mark, boolean digestMatches) {
    /** As {@code sohoa verify --json} and the HTTP API give it, with both signatures' verdicts. */
    public Map<String, Object> toMap(VerificationReport report) {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("copyId", mark.copyId().value());
      map.put("number", mark.number());
      map.put("book", mark.book().label());
      map.put("office", mark.book().office());
      map.put("originalId", mark.originalId().value());
      map.put("officer", mark.officer());
      map.put("officerTitle", mark.officerTitle());
      map.put("agency", mark.agency());
      map.put("issuedAt", mark.issuedAt().toString());
      map.put("pages", mark.pages());
      map.put("verificationUrl", mark.verificationUrl());
      map.put("digestMatches", digestMatches);
      map.put("officerSignature", report.verdictOf(0));
      map.put("agencySignature", report.verdictOf(1));
      SignerNames signers = signers(report);
      map.put("officerCertificate", signers.officerCertificate().orElse(""));
      map.put("officerMatchesCertificate", signers.officerMatches());
      map.put("agencyCertificate", signers.agencyCertificate().orElse(""));
      map.put("agencyMatchesCertificate", signers.agencyMatches());
      map.put("holds", holds(report));
      return map;
    }

    /** The names the copy prints beside the certificates that signed it. */
    public SignerNames signers(VerificationReport report) {
      return SignerNames.of(mark.officer(), mark.agency(), report);
    }

    /** Whether the copy is what it says: its original's digest and its signers' names hold. */
    public boolean holds(VerificationReport report) {
      return digestMatches && signers(report).match();
    }
  }

  /** The check of {@code pdf}; empty when it is not a certified copy. */
  public static Optional<CopyCheck> read(Path pdf) throws IOException {
    Optional<CertificationMark> mark;
    try (PdfDocument document = new PdfDocument(BoundedReaders.open(pdf))) {
      mark = CertificationMark.readFrom(document);
    } catch (com.itextpdf.kernel.exceptions.PdfException e) {
      throw new IOException(pdf + " cannot be read as a PDF: " + e.getMessage(), e);
    }
    if (mark.isEmpty()) {
      return Optional.empty();
    }
    CertificationMark m = mark.get();
    boolean matches = m.originalLength() <= Files.size(pdf)
        && prefixHash(pdf, m.originalLength()).equals(m.originalSha256())
        && m.urlDigest().map(d -> d.equals(m.originalSha256().hex())).orElse(false);
    return Optional.of(new CopyCheck(m, matches));
  }

  private static ContentHash prefixHash(Path pdf, long length) throws IOException {
    MessageDigest digest = ContentHash.sha256();
    try (InputStream in = Files.newInputStream(pdf)) {
      byte[] buffer = new byte[64 * 1024];
      long left = length;
      while (left > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          break;
        }
        digest.update(buffer, 0, n);
        left -= n;
      }
    }
    return ContentHash.of(digest);
  }
}
