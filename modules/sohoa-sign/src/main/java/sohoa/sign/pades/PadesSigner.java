package sohoa.sign.pades;

import com.itextpdf.kernel.crypto.DigestAlgorithms;
import com.itextpdf.kernel.exceptions.BadPasswordException;
import com.itextpdf.kernel.exceptions.MemoryLimitsAwareException;
import com.itextpdf.kernel.exceptions.PdfException;
import com.itextpdf.kernel.pdf.StampingProperties;
import com.itextpdf.signatures.CrlClientOnline;
import com.itextpdf.signatures.OcspClientBouncyCastle;
import com.itextpdf.signatures.PdfPadesSigner;
import com.itextpdf.signatures.SignerProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.ZonedDateTime;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import sohoa.core.error.SigningFailure;
import sohoa.sign.identity.SigningIdentity;
import sohoa.sign.pdf.BoundedReaders;

/**
 * Signs PDFs to a PAdES baseline level with iText, always as an incremental update: the bytes
 * already there (earlier signatures, the PDF/A) stay as they were, so earlier signatures stay
 * valid and a PDF/A stays one. Immutable; thread-safe as long as the identity's provider is.
 */
public final class PadesSigner {
  private final SigningIdentity identity;
  private final KeySignature signature;
  /** Room for a B-B signature's CMS in the PDF, in bytes: see {@link #baselineBSize}. */
  private final int baselineBSize;
  /** One client, and so one HTTP connection pool, for all the signatures this signer makes. */
  private final Optional<HttpTsaClient> tsa;
  private final Optional<TimestampAuthority> authority;
  private final List<X509Certificate> trusted;

  /**
   * @param tsa the timestamp authority, needed from B-T up
   * @param trusted the trust anchors where a chain ends, for collecting revocation data at B-LT
   */
  public PadesSigner(SigningIdentity identity, Optional<TimestampAuthority> tsa,
      List<X509Certificate> trusted) {
    this.identity = Objects.requireNonNull(identity, "identity");
    this.signature = KeySignature.of(identity);
    this.baselineBSize = baselineBSize(identity);
    this.tsa = tsa.map(HttpTsaClient::new);
    this.authority = tsa;
    this.trusted = List.copyOf(trusted);
  }

  /**
   * The same timestamp authority and trust anchors for another key: an officer's own key,
   * unlocked with their PIN for one signature.
   */
  public PadesSigner withIdentity(SigningIdentity other) {
    return new PadesSigner(other, authority, trusted);
  }

  /** Who signs, as the certificate names them. */
  public String signerName() {
    return identity.signerName();
  }

  /** The signing certificate. */
  public X509Certificate certificate() {
    return identity.certificate();
  }

  /**
   * Signs the PDF read from {@code in}, writing the signed document to {@code out}.
   *
   * @throws SigningFailure when the level needs a TSA that is not configured or does not answer,
   *     the revocation services do not answer, the key refuses or the PDF cannot be signed
   */
  public void sign(InputStream in, OutputStream out, SignatureRequest request)
      throws SigningFailure {
    if (request.level().timestamped() && tsa.isEmpty()) {
      throw new SigningFailure("a " + request.level().label() + " signature needs a timestamp"
          + " authority and none is configured", "give the TSA's address (--tsa URL) or sign at"
          + " level B-B", null);
    }
    SignerProperties properties = new SignerProperties();
    request.fieldName().ifPresent(properties::setFieldName);
    request.reason().ifPresent(properties::setReason);
    request.location().ifPresent(properties::setLocation);
    ZonedDateTime now = ZonedDateTime.now(SignatureAppearance.VIETNAM);
    properties.setClaimedSignDate(GregorianCalendar.from(now));
    request.certification().permission().ifPresent(properties::setCertificationLevel);
    Certificate[] chain = identity.chain().toArray(new Certificate[0]);
    try {
      if (request.visible().isPresent()) {
        SignatureAppearance.apply(properties, request.visible().get(), identity.certificate(),
            identity.signerName(), now);
      }
      PdfPadesSigner signer = open(in, out, trusted);
      switch (request.level()) {
        case B_B -> {
          signer.setEstimatedSize(baselineBSize);
          signer.signWithBaselineBProfile(properties, chain, signature);
        }
        case B_T -> signer.signWithBaselineTProfile(properties, chain, signature, tsa.get());
        case B_LT -> signer.signWithBaselineLTProfile(properties, chain, signature, tsa.get());
        case B_LTA -> signer.signWithBaselineLTAProfile(properties, chain, signature, tsa.get());
      }
    } catch (IOException | GeneralSecurityException | RuntimeException | StackOverflowError e) {
      throw failure("sign as " + identity.signerName() + " at " + request.level().label(), e);
    }
  }

  /**
   * What a B-B CMS needs, with room to spare: the chain it carries, the signature value and the
   * signed attributes (about 1 KiB). iText's default reserves 8 KiB whatever the chain, written
   * twice as hexadecimal: a tenth of a 1-page B-B signature's time went on the padding.
   */
  private static int baselineBSize(SigningIdentity identity) {
    int size = 4096;
    for (X509Certificate certificate : identity.chain()) {
      try {
        size += certificate.getEncoded().length;
      } catch (CertificateEncodingException e) {
        return 0;
      }
    }
    return size;
  }

  /** iText's signer over {@code in}, appending to it, with online OCSP and CRL clients. */
  static PdfPadesSigner open(InputStream in, OutputStream out, List<X509Certificate> trusted)
      throws IOException {
    PdfPadesSigner signer = new PdfPadesSigner(BoundedReaders.open(in.readAllBytes()), out);
    signer.setStampingProperties(new StampingProperties().useAppendMode());
    signer.setOcspClient(new OcspClientBouncyCastle());
    signer.setCrlClient(new CrlClientOnline());
    signer.setTrustedCertificates(List.copyOf(trusted));
    // The JDK's digests (SHA-NI where the CPU has it) instead of iText's default, Bouncy Castle's
    // pure-Java ones: hashing the document was half the time of a B-B signature.
    signer.setExternalDigest(algorithm ->
        MessageDigest.getInstance(DigestAlgorithms.getAllowedDigest(algorithm)));
    return signer;
  }

  /** iText's words for a PDF whose structure cannot be read. */
  private static final Pattern UNREADABLE = Pattern.compile(
      "(?i)trailer|header|xref|cross.?reference|page structure|dictionary|token|startxref");

  /** The first telling message down the causes: iText wraps I/O failures in a bare one. */
  private static String reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = t.getMessage();
      if (message != null && !message.isBlank() && !message.startsWith("Unknown PdfException")) {
        return message;
      }
    }
    return e.getClass().getSimpleName();
  }

  /**
   * Why signing failed, with what to do: a PDF that cannot be read or is password-protected is
   * the document's problem; anything else is most often a service that did not answer.
   */
  static SigningFailure failure(String what, Throwable e) {
    // (The reading errors iText reports as PdfException are told apart by what they name.)
    String reason = reason(e);
    if (e instanceof StackOverflowError) {
      return new SigningFailure("cannot " + what + ": the PDF's objects are nested too deeply to"
          + " read (damaged or hostile)", "get a good copy of the document", null);
    }
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof MemoryLimitsAwareException) {
        return new SigningFailure("cannot " + what + ": " + BoundedReaders.OVER_LIMIT,
            "get a good copy of the document", null);
      }
      if (t instanceof BadPasswordException || reason.contains("owner password")) {
        return new SigningFailure("cannot " + what + ": the PDF is protected by a password,"
            + " and signing changes it", "save it without its protection, then sign it", e);
      }
      if (t instanceof com.itextpdf.io.exceptions.IOException
          || t instanceof PdfException && UNREADABLE.matcher(reason).find()) {
        return new SigningFailure("cannot " + what + ": the PDF cannot be read (" + reason
            + ")", "check that the file is a PDF that opens in a viewer, or get a good copy",
            e);
      }
    }
    return new SigningFailure("cannot " + what + ": " + reason,
        "check that the timestamp authority and the certificate's OCSP and CRL addresses answer,"
            + " and that the PDF opens; then sign again", e);
  }
}
