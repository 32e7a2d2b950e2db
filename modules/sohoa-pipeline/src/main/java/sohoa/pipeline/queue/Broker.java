package sohoa.pipeline.queue;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.AuthenticationFailureException;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.MessageProperties;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import sohoa.core.error.BrokerFailure;
import sohoa.core.event.EventSink;
import sohoa.core.process.Holder;

/**
 * One connection to RabbitMQ, with the deployment's exchanges and queues declared. The client
 * recovers a lost connection by itself (every few seconds, for as long as it takes) and
 * redeclares the topology and consumers; publishing waits for the broker's confirm, so a task or
 * event counts as sent only once the broker has it on disk. Thread-safe.
 */
public final class Broker implements AutoCloseable {
  private static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration FIRST_CONNECT = Duration.ofSeconds(60);
  private static final Duration RECOVERY_INTERVAL = Duration.ofSeconds(2);

  private final BrokerAddress address;
  private final Topology topology;
  private final Connection connection;
  private final Channel publishing;
  private final Clock clock;
  /** This process, as dead letters name the worker that gave up (looked up once). */
  private final Holder self = Holder.current();

  private Broker(BrokerAddress address, Topology topology, Connection connection,
      Channel publishing, Clock clock) {
    this.address = address;
    this.topology = topology;
    this.connection = connection;
    this.publishing = publishing;
    this.clock = clock;
  }

  /**
   * Connects, retrying for up to a minute while the broker is not there yet (it may be starting
   * with the machine), and declares the topology.
   */
  public static Broker connect(BrokerAddress address, Clock clock) throws BrokerFailure {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost(address.host());
    factory.setPort(address.port());
    factory.setVirtualHost(address.virtualHost());
    factory.setUsername(address.username());
    factory.setPassword(address.password());
    factory.setAutomaticRecoveryEnabled(true);
    factory.setTopologyRecoveryEnabled(true);
    factory.setNetworkRecoveryInterval(RECOVERY_INTERVAL.toMillis());
    factory.setRequestedHeartbeat(15);
    factory.setConnectionTimeout(10_000);
    Instant giveUp = clock.instant().plus(FIRST_CONNECT);
    Duration pause = Duration.ofMillis(250);
    while (true) {
      Connection connection = null;
      try {
        connection = factory.newConnection("sohoa " + Holder.current());
        Topology topology = new Topology(address.names());
        Channel publishing = connection.createChannel();
        declare(publishing, topology);
        publishing.confirmSelect();
        return new Broker(address, topology, connection, publishing, clock);
      } catch (AuthenticationFailureException e) {
        throw new BrokerFailure("the message broker at " + address + " refused the user "
            + address.username() + ": " + describe(e), "check the user in --broker and its"
            + " password in $SOHOA_BROKER_PASSWORD or --broker-password-file", e);
      } catch (IOException | TimeoutException e) {
        if (connection != null) {
          connection.abort();
        }
        if (clock.instant().plus(pause).isAfter(giveUp)) {
          throw new BrokerFailure("cannot reach the message broker at " + address + ": "
              + describe(e), "start RabbitMQ (rabbitmq-server -detached), or check --broker"
              + " and $SOHOA_BROKER_PASSWORD", e);
        }
        sleep(pause);
        pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(5)) > 0
            ? Duration.ofSeconds(5) : pause.multipliedBy(2);
      }
    }
  }

  private static void declare(Channel channel, Topology topology) throws IOException {
    channel.exchangeDeclare(topology.tasks(), BuiltinExchangeType.DIRECT, true);
    channel.exchangeDeclare(topology.dead(), BuiltinExchangeType.FANOUT, true);
    channel.exchangeDeclare(topology.events(), BuiltinExchangeType.TOPIC, true);
    channel.queueDeclare(topology.deadDocuments(), true, false, false,
        Map.of("x-queue-type", "quorum"));
    channel.queueBind(topology.deadDocuments(), topology.dead(), "");
    Map<String, Object> documents = new HashMap<>();
    documents.put("x-queue-type", "quorum");
    documents.put("x-delivery-limit", Topology.DELIVERY_LIMIT);
    documents.put("x-dead-letter-exchange", topology.dead());
    channel.queueDeclare(topology.documents(), true, false, false, documents);
    channel.queueBind(topology.documents(), topology.tasks(), Topology.DOCUMENTS_KEY);
  }

  /** Publishes {@code task} and waits until the broker has it. */
  public void publish(DocumentTask task) throws BrokerFailure {
    AMQP.BasicProperties properties = MessageProperties.PERSISTENT_BASIC.builder()
        .contentType("application/json").messageId(task.taskId())
        .timestamp(Date.from(clock.instant())).build();
    publishConfirmed(topology.tasks(), Topology.DOCUMENTS_KEY, properties, task.toJson(),
        "the task for " + task.name());
  }

  /**
   * Puts {@code body} among the dead letters with why it could not be done, in the headers
   * {@code x-sohoa-error}, {@code x-sohoa-reason} and {@code x-sohoa-remedy}.
   */
  void deadLetter(byte[] body, String messageId, String code, String reason, String remedy)
      throws BrokerFailure {
    Map<String, Object> headers = new LinkedHashMap<>();
    headers.put("x-sohoa-error", code);
    headers.put("x-sohoa-reason", reason);
    headers.put("x-sohoa-remedy", remedy);
    headers.put("x-sohoa-worker", self.toString());
    AMQP.BasicProperties properties = MessageProperties.PERSISTENT_BASIC.builder()
        .contentType("application/json").messageId(messageId).headers(headers)
        .timestamp(Date.from(clock.instant())).build();
    publishConfirmed(topology.dead(), "", properties, body, "a dead letter (" + code + ")");
  }

  /** Record events, published to the topic exchange under their type's routing key. */
  public EventSink events() {
    // The message id names the event, not the sending: one announced again (a task delivered
    // again after its worker died) carries the same id, and a subscriber drops the second.
    return event -> publishConfirmed(topology.events(), event.type().key(),
        MessageProperties.PERSISTENT_BASIC.builder().contentType("application/json")
            .type(event.type().key()).messageId(event.type().key() + ":" + event.subject())
            .timestamp(Date.from(event.at())).build(),
        EventJson.bytes(event), "the event " + event.type().key() + " for " + event.subject());
  }

  private void publishConfirmed(String exchange, String key, AMQP.BasicProperties properties,
      byte[] body, String what) throws BrokerFailure {
    synchronized (publishing) {
      try {
        publishing.basicPublish(exchange, key, properties, body);
        publishing.waitForConfirmsOrDie(CONFIRM_TIMEOUT.toMillis());
      } catch (IOException | TimeoutException | RuntimeException e) {
        throw new BrokerFailure("the broker at " + address + " did not confirm " + what + ": "
            + describe(e), "check that RabbitMQ is running and has disk space; run the same"
            + " command again, finished inputs are not redone", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BrokerFailure("interrupted while waiting for the broker to confirm " + what,
            "run the same command again", e);
      }
    }
  }

  /** A new channel, for a consumer. */
  Channel channel() throws IOException {
    return connection.createChannel();
  }

  Topology topology() {
    return topology;
  }

  BrokerAddress address() {
    return address;
  }

  /** Tasks waiting in the queue (not those in workers' hands). */
  public long waiting() throws BrokerFailure {
    synchronized (publishing) {
      try {
        return publishing.messageCount(topology.documents());
      } catch (IOException | RuntimeException e) {
        throw new BrokerFailure("cannot count the tasks at " + address + ": " + describe(e),
            "check that RabbitMQ is running", e);
      }
    }
  }

  static String describe(Exception e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getMessage() == null) {
      cause = cause.getCause();
    }
    return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
  }

  private static void sleep(Duration pause) throws BrokerFailure {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BrokerFailure("interrupted while connecting to the broker", "run it again", e);
    }
  }

  /** The broker's address and queue prefix, for messages; never the password. */
  @Override
  public String toString() {
    return address.toString();
  }

  @Override
  public void close() {
    try {
      connection.close(5_000);
    } catch (IOException | RuntimeException e) {
      // Closing a connection the broker already dropped: nothing is left to release.
      connection.abort();
    }
  }
}
