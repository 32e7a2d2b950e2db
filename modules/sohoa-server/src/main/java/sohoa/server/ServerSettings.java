package sohoa.server;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * How the server listens and what it trusts.
 *
 * @param host the address to listen on ({@code 127.0.0.1} unless a proxy or the network needs
 *     another)
 * @param maxRequestBytes the largest request body accepted (a scan upload)
 * @param trustAnchors the root certificates the verification page checks signatures against
 */
public record ServerSettings(String host, int port, long maxRequestBytes,
    List<X509Certificate> trustAnchors) {
  public ServerSettings {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("not a port: " + port);
    }
    if (maxRequestBytes < 1) {
      throw new IllegalArgumentException("the request size limit must be positive");
    }
    trustAnchors = List.copyOf(trustAnchors);
  }
}
