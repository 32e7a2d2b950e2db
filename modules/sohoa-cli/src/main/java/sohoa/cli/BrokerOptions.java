package sohoa.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import picocli.CommandLine.Option;
import sohoa.core.error.BrokerFailure;
import sohoa.core.error.ConfigurationError;
import sohoa.core.event.EventSink;
import sohoa.pipeline.queue.Broker;
import sohoa.pipeline.queue.BrokerAddress;

/**
 * The message broker the scale-out commands share: RabbitMQ's address on the command line or in
 * {@code $SOHOA_BROKER}, its password never there ({@code $SOHOA_BROKER_PASSWORD} or a file).
 */
final class BrokerOptions {
  private final Environment environment;

  BrokerOptions(Environment environment) {
    this.environment = environment;
  }

  @Option(names = "--broker", paramLabel = "URI",
      description = "RabbitMQ, as amqp://user@host:5672/vhost (default: $SOHOA_BROKER); the "
          + "password from $SOHOA_BROKER_PASSWORD or --broker-password-file (RabbitMQ's "
          + "development user guest needs none)")
  String broker;

  @Option(names = "--broker-password-file", paramLabel = "FILE",
      description = "read the broker password from the first line of this file")
  Path passwordFile;

  @Option(names = "--queues", paramLabel = "PREFIX", defaultValue = "sohoa",
      description = "prefix of the exchanges and queues, one per deployment sharing a broker "
          + "(default: ${DEFAULT-VALUE})")
  String names;

  /** The broker, if one is configured. */
  Optional<BrokerAddress> address() throws ConfigurationError {
    String uri = broker != null ? broker : environment.variable("SOHOA_BROKER").orElse(null);
    if (uri == null || uri.isBlank()) {
      return Optional.empty();
    }
    if (!names.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
      throw new ConfigurationError("--queues must be lower-case letters, digits, '.', '_' or '-'"
          + " (at most 64), not '" + names + "'", "pick a prefix such as sohoa or thanh-hoa");
    }
    String given = environment.variable("SOHOA_BROKER_PASSWORD").orElse(null);
    String password = given != null ? given
        : passwordFile != null
            ? new String(Secret.read(environment, null, passwordFile, "the broker's password"))
            : null;
    try {
      BrokerAddress guest = BrokerAddress.parse(uri, "guest", names);
      if (password == null && !guest.username().equals("guest")) {
        throw new ConfigurationError("no password for the broker user " + guest.username(),
            "export SOHOA_BROKER_PASSWORD, or give --broker-password-file");
      }
      return Optional.of(password == null ? guest : BrokerAddress.parse(uri, password, names));
    } catch (IllegalArgumentException e) {
      throw new ConfigurationError(e.getMessage(), "write the broker as amqp://user@host:5672/");
    }
  }

  /** Where record events go: the broker's topic exchange if one is configured. */
  record Events(Optional<Broker> broker) implements AutoCloseable {
    EventSink sink() {
      return broker.map(Broker::events).orElse(EventSink.NONE);
    }

    @Override
    public void close() {
      broker.ifPresent(Broker::close);
    }
  }

  /** Connects for events, if a broker is configured; else events go nowhere. */
  Events events(Clock clock) throws ConfigurationError, BrokerFailure {
    Optional<BrokerAddress> address = address();
    return new Events(address.isEmpty() ? Optional.empty()
        : Optional.of(Broker.connect(address.get(), clock)));
  }

  /** Connects to the broker, which {@code command} cannot do without. */
  Broker connect(String command, Clock clock) throws ConfigurationError, BrokerFailure {
    BrokerAddress address = address().orElseThrow(() -> new ConfigurationError(
        "'sohoa " + command + "' needs a message broker", "give --broker amqp://user@host:5672/ "
            + "or export SOHOA_BROKER"));
    return Broker.connect(address, clock);
  }
}
