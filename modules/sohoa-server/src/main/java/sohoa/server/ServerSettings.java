package sohoa.server;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import sohoa.console.ConsoleServices;
import sohoa.core.i18n.Messages;

/**
 * How the server listens and what it trusts.
 *
 * @param host the address to listen on ({@code 127.0.0.1} unless a proxy or the network needs
 *     another)
 * @param maxRequestBytes the largest request body accepted (a scan upload)
 * @param trustAnchors the root certificates the verification page checks signatures against
 * @param office the certification office whose register the console's copies go in
 * @param tokens how officers' tokens are reached, for keys named {@code pkcs11:<label>}
 * @param maxQueuedUploads uploads accepted and not yet digitised, at most; one more is answered
 *     503 with Retry-After, so that a flood waits at the client, not in this server's disk and heap
 * @param pages the language of the pages people read: the console and the verification page
 */
public record ServerSettings(String host, int port, long maxRequestBytes,
    List<X509Certificate> trustAnchors, String office, ConsoleServices.Tokens tokens,
    int maxQueuedUploads, Messages pages) {
  /** Uploads are digitised one at a time; eight waiting is a few minutes of work. */
  public static final int DEFAULT_QUEUED_UPLOADS = 8;

  public ServerSettings {
    Objects.requireNonNull(office, "office");
    Objects.requireNonNull(pages, "pages");
    Objects.requireNonNull(tokens, "tokens");
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("not a port: " + port);
    }
    if (maxRequestBytes < 1) {
      throw new IllegalArgumentException("the request size limit must be positive");
    }
    if (maxQueuedUploads < 1) {
      throw new IllegalArgumentException("at least one upload must be able to wait, not "
          + maxQueuedUploads);
    }
    trustAnchors = List.copyOf(trustAnchors);
  }

  /** Pages in Vietnamese. */
  public ServerSettings(String host, int port, long maxRequestBytes,
      List<X509Certificate> trustAnchors, String office, ConsoleServices.Tokens tokens,
      int maxQueuedUploads) {
    this(host, port, maxRequestBytes, trustAnchors, office, tokens, maxQueuedUploads,
        Messages.forOfficers());
  }

  /** With {@link #DEFAULT_QUEUED_UPLOADS}. */
  public ServerSettings(String host, int port, long maxRequestBytes,
      List<X509Certificate> trustAnchors, String office, ConsoleServices.Tokens tokens) {
    this(host, port, maxRequestBytes, trustAnchors, office, tokens, DEFAULT_QUEUED_UPLOADS);
  }

  /** Copies issued in the console go in office {@code local}'s register; no tokens. */
  public ServerSettings(String host, int port, long maxRequestBytes,
      List<X509Certificate> trustAnchors) {
    this(host, port, maxRequestBytes, trustAnchors, "local", ConsoleServices.Tokens.none());
  }
}
