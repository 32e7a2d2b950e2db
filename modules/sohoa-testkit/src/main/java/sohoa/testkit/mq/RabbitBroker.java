package sohoa.testkit.mq;

import com.rabbitmq.client.AlreadyClosedException;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The machine's RabbitMQ (127.0.0.1:5672, guest/guest; scripts/test.sh starts it when it is not
 * running), with a fresh prefix for a test's exchanges and queues, deleted on close. A test that
 * cannot reach the broker fails: scale-out is not optional.
 */
public final class RabbitBroker implements AutoCloseable {
  public static final String HOST = "127.0.0.1";
  public static final int PORT = 5672;
  public static final String USER = "guest";
  public static final String PASSWORD = "guest";

  /** How long {@link #leftOver} waits for the consumers to go or the broker to come back. */
  private static final Duration SETTLING = Duration.ofSeconds(30);

  private final String names;
  private final Connection connection;
  private final Channel channel;
  private final List<String> listeners = new ArrayList<>();

  private RabbitBroker(String names, Connection connection, Channel channel) {
    this.names = names;
    this.connection = connection;
    this.channel = channel;
  }

  /** Connects; the prefix is {@code sohoa-test-<random>}. */
  public static RabbitBroker create() throws IOException {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost(HOST);
    factory.setPort(PORT);
    factory.setUsername(USER);
    factory.setPassword(PASSWORD);
    try {
      Connection connection = factory.newConnection("sohoa test");
      return new RabbitBroker("sohoa-test-" + UUID.randomUUID().toString().substring(0, 8),
          connection, connection.createChannel());
    } catch (IOException | TimeoutException e) {
      throw new IOException("cannot reach RabbitMQ at " + HOST + ":" + PORT + " (is it running?"
          + " scripts/test.sh starts it): " + e.getMessage(), e);
    }
  }

  /** The prefix of this test's exchanges and queues. */
  public String names() {
    return names;
  }

  /** The broker's address as sohoa takes it. */
  public String address() {
    return "amqp://" + USER + "@" + HOST + ":" + PORT + "/";
  }

  /**
   * A queue of this test's, bound to the topic exchange {@code exchange} (declared durable, as
   * sohoa declares it, if it is not there yet) with {@code key}, to listen with.
   */
  public String listen(String exchange, String key) throws IOException {
    channel.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, true);
    String queue = names + ".probe." + UUID.randomUUID().toString().substring(0, 8);
    channel.queueDeclare(queue, true, false, false, Map.of());
    channel.queueBind(queue, exchange, key);
    listeners.add(queue);
    return queue;
  }

  /** A message taken from a queue. */
  public record Message(String body, Map<String, String> headers, String type, String id) {}

  /** Takes every message now in {@code queue}. */
  public List<Message> take(String queue) throws IOException {
    List<Message> messages = new ArrayList<>();
    GetResponse response;
    while ((response = channel.basicGet(queue, true)) != null) {
      Map<String, String> headers = new LinkedHashMap<>();
      if (response.getProps().getHeaders() != null) {
        response.getProps().getHeaders().forEach((k, v) -> headers.put(k, String.valueOf(v)));
      }
      messages.add(new Message(new String(response.getBody(), StandardCharsets.UTF_8), headers,
          response.getProps().getType(), response.getProps().getMessageId()));
    }
    return messages;
  }

  /** Publishes {@code body} as is to {@code exchange}: a message sohoa did not write. */
  public void publishRaw(String exchange, String key, String body) throws IOException {
    channel.basicPublish(exchange, key, null, body.getBytes(StandardCharsets.UTF_8));
  }

  /** Messages ready in {@code queue} now, as the queue itself counts them (no statistics lag). */
  public long ready(String queue) throws IOException {
    return channel.messageCount(queue);
  }

  /**
   * What is left in {@code queue} once no consumer holds any of it: its ready messages, counted
   * when its last consumer has gone (what a consumer had not acknowledged returns to the queue as
   * it goes). The queue answers this itself over AMQP, at once and exactly, where rabbitmqctl's
   * {@code list_queues} costs an Erlang VM's start (a second of CPU) per look and reads the
   * figures a quorum queue publishes every few seconds. After a restart of the broker, this
   * waits while the connection recovers; it gives up after {@link #SETTLING}.
   */
  public long leftOver(String queue) throws IOException, InterruptedException {
    Instant giveUp = Instant.now().plus(SETTLING);
    while (true) {
      AlreadyClosedException recovering = null;
      try {
        if (channel.consumerCount(queue) == 0) {
          return channel.messageCount(queue);
        }
      } catch (AlreadyClosedException e) {
        recovering = e;
      }
      if (Instant.now().isAfter(giveUp)) {
        throw new IOException(recovering != null ? "RabbitMQ did not come back within " + SETTLING
            : queue + " still has a consumer after " + SETTLING, recovering);
      }
      Thread.sleep(100);
    }
  }

  /** Stops and starts the broker's application: every connection drops, queues persist. */
  public static void restart() throws IOException {
    rabbitmqctl("stop_app");
    rabbitmqctl("start_app");
    rabbitmqctl("await_startup");
  }

  private static void rabbitmqctl(String... arguments) throws IOException {
    List<String> command = new ArrayList<>(List.of("rabbitmqctl"));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IOException("rabbitmqctl " + String.join(" ", arguments) + " failed: "
            + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted waiting for rabbitmqctl", e);
    }
  }

  /** Deletes this test's queues and exchanges. */
  @Override
  public void close() throws IOException {
    try {
      Channel cleaner = connection.isOpen() ? connection.createChannel() : null;
      if (cleaner != null) {
        // sohoa's queues, named as sohoa.pipeline.queue.Topology names them, and the listeners'
        // (deleting a queue that is not there is no error); then sohoa's exchanges.
        List<String> queues = new ArrayList<>(listeners);
        List.of("documents", "documents.dead").forEach(queue -> queues.add(names + "." + queue));
        for (String queue : queues) {
          cleaner.queueDelete(queue);
        }
        for (String exchange : List.of("tasks", "dead", "events")) {
          cleaner.exchangeDelete(names + "." + exchange);
        }
      }
    } finally {
      if (connection.isOpen()) {
        connection.abort();
      }
    }
  }
}
