package sohoa.server;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import sohoa.console.ConsoleServices;

/**
 * How the server listens and what it trusts.
 *
 * @param host the address to listen on ({@code 127.0.0.1} unless a proxy or the network needs
 *     another)
 * @param maxRequestBytes the largest request body accepted (a scan upload)
 * @param trustAnchors the root certificates the verification page checks signatures against
 * @param office the certification office whose register the console's copies go in
 * @param tokens how officers' tokens are reached, for keys named {@code pkcs11:<label>}
 */
public record ServerSettings(String host, int port, long maxRequestBytes,
    List<X509Certificate> trustAnchors, String office, ConsoleServices.Tokens tokens) {
  public ServerSettings {
    Objects.requireNonNull(office, "office");
    Objects.requireNonNull(tokens, "tokens");
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("not a port: " + port);
    }
    if (maxRequestBytes < 1) {
      throw new IllegalArgumentException("the request size limit must be positive");
    }
    trustAnchors = List.copyOf(trustAnchors);
  }

  /** Copies issued in the console go in office {@code local}'s register; no tokens. */
  public ServerSettings(String host, int port, long maxRequestBytes,
      List<X509Certificate> trustAnchors) {
    this(host, port, maxRequestBytes, trustAnchors, "local", ConsoleServices.Tokens.none());
  }
}
