package sohoa.sign.pades;

import com.itextpdf.signatures.TSAClientBouncyCastle;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * iText's RFC 3161 client, asking the TSA with a timeout per attempt and a few attempts, so that a
 * TSA that is down fails the signature in seconds with its address, not after the system's TCP
 * timeout. Shared by the signatures of one signer: its state is its configuration, and Java's
 * HttpClient is thread-safe.
 */
final class HttpTsaClient extends TSAClientBouncyCastle {
  private final TimestampAuthority authority;
  private final HttpClient http;

  HttpTsaClient(TimestampAuthority authority) {
    super(authority.url().toString());
    this.authority = authority;
    this.http = HttpClient.newBuilder().connectTimeout(authority.timeout())
        .followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  @Override
  protected byte[] getTSAResponse(byte[] request) throws IOException {
    HttpRequest.Builder builder = HttpRequest.newBuilder(authority.url())
        .timeout(authority.timeout())
        .header("Content-Type", "application/timestamp-query")
        .POST(HttpRequest.BodyPublishers.ofByteArray(request));
    if (authority.user().isPresent()) {
      char[] password = authority.password().orElse(new char[0]);
      byte[] credentials = (authority.user().get() + ":" + new String(password))
          .getBytes(StandardCharsets.UTF_8);
      builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials));
    }
    IOException last = null;
    for (int attempt = 1; attempt <= authority.attempts(); attempt++) {
      try {
        HttpResponse<byte[]> response = http.send(builder.build(),
            HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 200) {
          return response.body();
        }
        last = new IOException("the timestamp authority " + authority.url() + " answered HTTP "
            + response.statusCode());
        if (response.statusCode() < 500) {
          break; // refused (auth, bad request): asking again will not help
        }
      } catch (IOException e) {
        last = new IOException("the timestamp authority " + authority.url()
            + " did not answer: " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for the timestamp authority", e);
      }
    }
    throw last;
  }
}
