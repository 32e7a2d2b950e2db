package sohoa.sign.verify;

import com.itextpdf.commons.exceptions.ITextException;
import com.itextpdf.kernel.exceptions.MemoryLimitsAwareException;
import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfStream;
import com.itextpdf.signatures.PdfPKCS7;
import com.itextpdf.signatures.PdfSignature;
import com.itextpdf.signatures.SignatureUtil;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.ocsp.BasicOCSPResponse;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import sohoa.sign.identity.CertificateNames;
import sohoa.sign.pdf.BoundedReaders;

/**
 * Verifies every signature in a PDF: integrity (the signed digest over the byte range, the
 * signature over it), that the byte range is the whole revision but the signature's value, the
 * chain to a trust anchor and its validity at the signing time (the timestamp's time when there
 * is one), the signer's revocation status, the signature timestamp (its imprint and its
 * authority's chain), the PAdES level reached, and what changed after it was signed. Immutable.
 */
public final class PdfSignatureVerifier {
  private final ChainTrust trust;
  private final boolean online;

  /**
   * @param anchors the certificates trusted to end chains (root CAs)
   * @param online whether revocation status may be asked of OCSP responders when the document
   *     carries none
   */
  public PdfSignatureVerifier(List<X509Certificate> anchors, boolean online) {
    this.trust = new ChainTrust(anchors);
    this.online = online;
  }

  public VerificationReport verify(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return unreadable(file, "cannot be read: " + e.getMessage());
    }
    try (PdfDocument pdf = new PdfDocument(BoundedReaders.open(bytes))) {
      SignatureUtil signatures = new SignatureUtil(pdf);
      List<String> names = signatures.getSignatureNames();
      if (names.isEmpty()) {
        return unreadable(file, "holds no signature");
      }
      Revocation revocation = revocationData(pdf);
      List<SignatureReport> reports = new ArrayList<>();
      Verdict overall = Verdict.VALID;
      try (Changes changes = new Changes(signatures, pdf, bytes)) {
        for (String name : names) {
          SignatureReport report = check(signatures, name, bytes, revocation, changes,
              pdf.getReader().hasRebuiltXref());
          reports.add(report);
          overall = overall.and(report.verdict());
        }
      }
      return new VerificationReport(file.toString(), reports, Optional.empty(), overall);
    } catch (MemoryLimitsAwareException e) {
      return unreadable(file, "cannot be read: " + BoundedReaders.OVER_LIMIT);
    } catch (IOException | ITextException e) {
      return unreadable(file, "is damaged or not a PDF: " + e.getMessage());
    } catch (StackOverflowError e) {
      return unreadable(file, "is damaged or hostile: its objects are nested too deeply to read");
    }
  }

  private static VerificationReport unreadable(Path file, String problem) {
    return new VerificationReport(file.toString(), List.of(),
        Optional.of("the file " + problem), Verdict.INVALID);
  }

  private SignatureReport check(SignatureUtil signatures, String name, byte[] bytes,
      Revocation revocation, Changes after, boolean rebuilt) throws IOException {
    PdfSignature signature = signatures.getSignature(name);
    boolean documentTimestamp = PdfName.ETSI_RFC3161.equals(signature.getSubFilter());
    Findings findings = new Findings();
    if (rebuilt) {
      // Readers that repair a broken table differently show different documents: the parser
      // differential behind some hide-and-replace files.
      findings.add(Verdict.INDETERMINATE, "the file's cross-reference table is damaged and had"
          + " to be rebuilt to read it: PDF readers may show other content than was signed");
    }
    PdfPKCS7 data = signatures.readSignatureData(name);
    boolean intact;
    try {
      intact = data.verifySignatureIntegrityAndAuthenticity();
    } catch (GeneralSecurityException e) {
      intact = false;
    }
    if (!intact) {
      findings.add(Verdict.INVALID, "the signed bytes or the signature do not match: the"
          + " document was altered after signing, or the signature is damaged");
    }
    boolean byteRange = byteRangeWhole(bytes, signature.getByteRange());
    if (!byteRange) {
      findings.add(Verdict.INVALID,
          "the byte range does not cover the signed revision but the signature value");
    }
    X509Certificate signer = data.getSigningCertificate();
    // A document timestamp is a timestamp token itself, not a signature carrying one.
    boolean timestamped = !documentTimestamp && data.getTimeStampTokenInfo() != null;
    Instant at = (documentTimestamp || timestamped ? data.getTimeStampDate() : data.getSignDate())
        .toInstant();
    List<X509Certificate> carried = ChainTrust.certificates(data.getCertificates());
    Optional<Finding> chain = trust.chain(carried, signer, at);
    chain.ifPresent(findings::add);
    RevocationStatus status = new RevocationStatus(RevocationStatus.State.NOT_CHECKED, false,
        "not checked (a document timestamp)");
    if (!documentTimestamp) {
      status = ChainTrust.issuerOf(signer, carried)
          .map(issuer -> revocation.status(signer, issuer, at))
          .orElse(RevocationStatus.unknown("the issuer's certificate is not in the signature"));
      switch (status.state()) {
        case REVOKED -> findings.add(Verdict.INVALID,
            "the signer's certificate was " + status.text());
        case UNKNOWN -> findings.add(Verdict.INDETERMINATE, "revocation status " + status.text());
        case GOOD, NOT_CHECKED -> { }
      }
    }
    Optional<Finding> timestamp = timestamped ? trust.timestamp(data, at) : Optional.empty();
    timestamp.ifPresent(findings::add);
    Changes.Outcome outcome = after.after(name);
    List<Change> changes = outcome.changes();
    changes.stream().filter(c -> !c.allowed())
        .forEach(c -> findings.add(Verdict.INVALID, "after signing, " + c.description()
            + " [" + c.kind().label() + "]"));
    outcome.uncertain().ifPresent(why -> findings.add(Verdict.INDETERMINATE,
        "what changed after signing is not known: " + why));
    return new SignatureReport(name, documentTimestamp, CertificateNames.commonName(signer),
        Optional.of(at), documentTimestamp ? Optional.empty()
            : Optional.of(level(timestamped, status, signatures, name)),
        intact, byteRange, chain.map(Finding::text), status.text(),
        timestamp.map(Finding::text), changes.stream().map(Change::text).toList(),
        findings.texts, findings.verdict);
  }

  /** The findings of one signature and the verdict they add up to. */
  private static final class Findings {
    private final List<String> texts = new ArrayList<>();
    private Verdict verdict = Verdict.VALID;

    void add(Verdict weight, String text) {
      texts.add(text);
      verdict = verdict.and(weight);
    }

    void add(Finding finding) {
      add(finding.verdict(), finding.text());
    }
  }

  /**
   * B-T with a timestamp, B-LT with embedded revocation data, B-LTA with a later document
   * timestamp.
   */
  private static String level(boolean timestamped, RevocationStatus status,
      SignatureUtil signatures, String name) {
    if (!timestamped) {
      return "B-B";
    }
    if (!status.embedded()) {
      return "B-T";
    }
    List<String> names = signatures.getSignatureNames();
    boolean archived = names.subList(names.indexOf(name) + 1, names.size()).stream()
        .anyMatch(n -> PdfName.ETSI_RFC3161.equals(signatures.getSignature(n).getSubFilter()));
    return archived ? "B-LTA" : "B-LT";
  }

  private static boolean byteRangeWhole(byte[] bytes, PdfArray range) {
    if (range == null || range.size() != 4) {
      return false;
    }
    long start = range.getAsNumber(0).longValue();
    long gapStart = range.getAsNumber(1).longValue();
    long gapEnd = range.getAsNumber(2).longValue();
    long end = gapEnd + range.getAsNumber(3).longValue();
    if (start != 0 || gapEnd <= gapStart || end > bytes.length) {
      return false;
    }
    // The gap is exactly the hex string of /Contents: '<', hex digits, '>'.
    if (bytes[(int) gapStart] != '<' || bytes[(int) gapEnd - 1] != '>') {
      return false;
    }
    for (long i = gapStart + 1; i < gapEnd - 1; i++) {
      if (Character.digit(bytes[(int) i], 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /** The OCSP responses and CRLs of the document security store. */
  private Revocation revocationData(PdfDocument pdf) {
    List<BasicOCSPResp> ocsps = new ArrayList<>();
    List<X509CRL> crls = new ArrayList<>();
    PdfDictionary dss = pdf.getCatalog().getPdfObject().getAsDictionary(PdfName.DSS);
    if (dss != null) {
      PdfArray responses = dss.getAsArray(PdfName.OCSPs);
      for (int i = 0; responses != null && i < responses.size(); i++) {
        try {
          PdfStream stream = responses.getAsStream(i);
          ocsps.add(basic(stream.getBytes()));
        } catch (IOException | OCSPException | RuntimeException e) {
          // A damaged response is as good as none: the status then comes from elsewhere.
        }
      }
      PdfArray lists = dss.getAsArray(PdfName.CRLs);
      for (int i = 0; lists != null && i < lists.size(); i++) {
        try {
          crls.add((X509CRL) CertificateFactory.getInstance("X.509").generateCRL(
              new ByteArrayInputStream(lists.getAsStream(i).getBytes())));
        } catch (GeneralSecurityException | RuntimeException e) {
          // As above.
        }
      }
    }
    return new Revocation(ocsps, crls, online);
  }

  /** DSS holds OCSPResponse or BasicOCSPResponse DER; both are read. */
  private static BasicOCSPResp basic(byte[] der) throws IOException, OCSPException {
    try {
      return (BasicOCSPResp) new OCSPResp(der).getResponseObject();
    } catch (IOException | RuntimeException e) {
      return new BasicOCSPResp(BasicOCSPResponse.getInstance(der));
    }
  }
}
