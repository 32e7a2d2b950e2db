package sohoa.sign.pades;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import sohoa.core.error.SigningFailure;

/**
 * Brings the signatures already in a PDF to B-LTA: their chains' revocation data into the
 * document security store and a document timestamp over all of it, as an incremental update.
 * Run again before the last timestamp's algorithms or certificate weaken, to renew it.
 */
public final class SignatureExtender {
  private final HttpTsaClient tsa;
  private final List<X509Certificate> trusted;

  public SignatureExtender(TimestampAuthority tsa, List<X509Certificate> trusted) {
    this.tsa = new HttpTsaClient(Objects.requireNonNull(tsa, "tsa"));
    this.trusted = List.copyOf(trusted);
  }

  public void extend(InputStream in, OutputStream out) throws SigningFailure {
    try {
      PadesSigner.open(in, out, trusted).prolongSignatures(tsa);
    } catch (IOException | GeneralSecurityException | RuntimeException | StackOverflowError e) {
      throw PadesSigner.failure("extend the signatures to B-LTA", e);
    }
  }
}
