package sohoa.pipeline.queue;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import sohoa.core.error.BrokerFailure;
import sohoa.core.event.EventSink;
import sohoa.pipeline.PipelineListener;
import sohoa.pipeline.Digitiser;
import sohoa.pipeline.WorkerThreads;

/**
 * Consumes document tasks: at most {@code concurrency} in hand (the broker's prefetch), each run
 * through the same pipeline as {@code digitize} and acknowledged only after its results are
 * stored and catalogued, or after it was put among the dead letters with its reason. A worker
 * that dies holds nothing: the broker hands its unacknowledged tasks to the others.
 */
public final class Worker implements AutoCloseable {
  private final Broker broker;
  private final TaskRunner runner;
  private final ExecutorService documents;
  private final Channel channel;
  private final PipelineListener listener;
  private final AtomicInteger inHand = new AtomicInteger();
  private final AtomicLong lastActivity = new AtomicLong(System.nanoTime());
  private String consumerTag;

  private Worker(Broker broker, TaskRunner runner, ExecutorService documents, Channel channel,
      PipelineListener listener) {
    this.broker = broker;
    this.runner = runner;
    this.documents = documents;
    this.channel = channel;
    this.listener = listener;
  }

  /** Starts consuming from {@code broker}'s document queue. */
  public static Worker start(Digitiser digitiser, Broker broker, EventSink events,
      WorkerSettings settings, PipelineListener listener) throws BrokerFailure {
    ExecutorService documents = WorkerThreads.fixed(settings.concurrency(), "task");
    try {
      Channel channel = broker.channel();
      channel.basicQos(settings.concurrency());
      Worker worker = new Worker(broker, new TaskRunner(digitiser, events, listener, settings),
          documents, channel, listener);
      worker.consumerTag = channel.basicConsume(broker.topology().documents(), false,
          worker.new TaskConsumer(channel));
      return worker;
    } catch (IOException e) {
      documents.shutdownNow();
      throw new BrokerFailure("cannot consume tasks from " + broker.address() + ": "
          + Broker.describe(e), "check that RabbitMQ is running and the user may read "
          + broker.topology().documents(), e);
    }
  }

  /** Tasks being worked on now. */
  public int inHand() {
    return inHand.get();
  }

  /**
   * Whether the queue is empty and nothing has been in hand for {@code quiet}: the job is done
   * as far as this worker can tell.
   */
  public boolean idleFor(Duration quiet) throws BrokerFailure {
    return inHand.get() == 0 && System.nanoTime() - lastActivity.get() > quiet.toNanos()
        && broker.waiting() == 0;
  }

  /** Waits until {@link #idleFor} holds. */
  public void awaitIdle(Duration quiet) throws BrokerFailure, InterruptedException {
    while (!idleFor(quiet)) {
      Thread.sleep(200);
    }
  }

  /** One delivery: run on a document thread, then acknowledge on the consumer's channel. */
  private final class TaskConsumer extends DefaultConsumer {
    TaskConsumer(Channel channel) {
      super(channel);
    }

    @Override
    public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties,
        byte[] body) {
      inHand.incrementAndGet();
      lastActivity.set(System.nanoTime());
      documents.execute(() -> {
        try {
          handle(envelope, properties, body);
        } finally {
          inHand.decrementAndGet();
          lastActivity.set(System.nanoTime());
        }
      });
    }
  }

  private void handle(Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
    try {
      DocumentTask task;
      try {
        task = DocumentTask.fromJson(body);
      } catch (IllegalArgumentException e) {
        broker.deadLetter(body, properties.getMessageId(), "not-a-task", e.getMessage(),
            "publish tasks with 'sohoa enqueue'");
        acknowledge(envelope);
        return;
      }
      TaskRunner.Verdict verdict = runner.run(task, envelope.isRedeliver());
      if (verdict instanceof TaskRunner.Verdict.Dead dead) {
        broker.deadLetter(body, task.taskId(), dead.code(), dead.reason(), dead.remedy());
      }
      acknowledge(envelope);
    } catch (BrokerFailure e) {
      // Not acknowledged: the broker hands the task out again once the connection is back,
      // and the next run finds whatever this one finished.
      listener.warning(e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void acknowledge(Envelope envelope) throws BrokerFailure {
    synchronized (channel) {
      try {
        channel.basicAck(envelope.getDeliveryTag(), false);
      } catch (IOException | RuntimeException e) {
        throw new BrokerFailure("the broker did not take the acknowledgement of delivery "
            + envelope.getDeliveryTag() + ": " + Broker.describe(e),
            "nothing to do: the task comes back and its finished result is reused", e);
      }
    }
  }

  /**
   * Stops taking tasks, lets those in hand finish for up to {@code grace}, then stops. Tasks
   * still running after that are not acknowledged, so the broker gives them to another worker.
   */
  public void stop(Duration grace) {
    synchronized (channel) {
      try {
        if (channel.isOpen()) {
          channel.basicCancel(consumerTag);
        }
      } catch (IOException | RuntimeException e) {
        // The channel is already gone, and with it the subscription.
      }
    }
    documents.shutdown();
    try {
      if (!documents.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        documents.shutdownNow();
      }
    } catch (InterruptedException e) {
      documents.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop(Duration.ofMinutes(5));
  }
}
