package sohoa.pipeline.queue;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * Where the RabbitMQ broker is, and as whom to log in: {@code amqp://user@host:5672/vhost}. The
 * password is never part of the address (addresses are given on command lines and printed); it
 * comes from the environment or a file, and {@link #toString()} leaves it out.
 *
 * @param names the prefix of every exchange and queue, so that several deployments (or test
 *     runs) can share one broker
 */
public record BrokerAddress(String host, int port, String virtualHost, String username,
    String password, String names) {
  public BrokerAddress {
    Objects.requireNonNull(password, "password");
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("the broker address needs a host");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("the broker port must be 1 to 65535, not " + port);
    }
    if (username == null || username.isBlank()) {
      throw new IllegalArgumentException("the broker address needs a user, as amqp://user@host");
    }
    if (names == null || !names.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
      throw new IllegalArgumentException("queue names must be lower-case letters, digits, '.',"
          + " '_' or '-', not '" + names + "'");
    }
  }

  /**
   * Parses {@code amqp://user@host[:port][/vhost]}.
   *
   * @throws IllegalArgumentException naming what is wrong, including a password in the address
   */
  public static BrokerAddress parse(String address, String password, String names) {
    URI uri;
    try {
      uri = new URI(address);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a broker address: " + e.getMessage());
    }
    if (!"amqp".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException("a broker address looks like amqp://user@host:5672/");
    }
    String user = uri.getUserInfo();
    if (user != null && user.contains(":")) {
      throw new IllegalArgumentException("the broker address carries a password, where anyone"
          + " listing processes can read it; give it in $SOHOA_BROKER_PASSWORD instead");
    }
    String path = uri.getPath() == null || uri.getPath().length() <= 1 ? "/"
        : uri.getPath().substring(1);
    return new BrokerAddress(uri.getHost(), uri.getPort() == -1 ? 5672 : uri.getPort(), path,
        user == null ? "guest" : user, password, names);
  }

  @Override
  public String toString() {
    return "amqp://" + username + "@" + host + ":" + port
        + (virtualHost.equals("/") ? "/" : "/" + virtualHost) + " (queues " + names + ".*)";
  }
}
