package sohoa.core.event;

import sohoa.core.error.BrokerFailure;

/**
 * Where record events go. The embedded deployment has no broker and uses {@link #NONE}; a shared
 * one publishes to RabbitMQ's topic exchange.
 */
@FunctionalInterface
public interface EventSink {
  /** Drops every event: nobody is listening. */
  EventSink NONE = event -> {};

  /** Publishes {@code event}; returns once the broker has taken responsibility for it. */
  void publish(RecordEvent event) throws BrokerFailure;
}
