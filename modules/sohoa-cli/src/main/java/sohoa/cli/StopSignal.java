package sohoa.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) or SIGTERM for a long-running command: the signal becomes a request the command
 * sees between units of work, and the command ends by itself, printing its summary and recording
 * where it stopped, then exits 128 + the signal's number (130, 143), as a shell expects.
 *
 * <p>The signal is taken before the JVM starts shutting down (a shutdown hook would run beside
 * the catalog's own, which closes the embedded database under the command). If the command has
 * not ended within {@code grace}, or a second signal comes, the process exits at once.
 */
final class StopSignal implements AutoCloseable {
  private static final List<String> SIGNALS = List.of("INT", "TERM");

  private final CountDownLatch requested = new CountDownLatch(1);
  private final String name;
  private final Duration grace;
  private final List<Restore> previous = new ArrayList<>();
  private volatile int signalNumber;

  private record Restore(Signal signal, SignalHandler handler) {}

  private StopSignal(String name, Duration grace) {
    this.name = name;
    this.grace = grace;
  }

  /** Starts listening for the signals. */
  static StopSignal install(String name, Duration grace) {
    StopSignal stop = new StopSignal(name, grace);
    for (String signal : SIGNALS) {
      Signal each = new Signal(signal);
      stop.previous.add(new Restore(each, Signal.handle(each, stop::received)));
    }
    return stop;
  }

  private void received(Signal signal) {
    if (requested.getCount() == 0) {
      // A second Ctrl-C: the officer does not want to wait.
      System.exit(exitCode());
    }
    signalNumber = signal.getNumber();
    requested.countDown();
    Thread deadline = new Thread(() -> {
      try {
        Thread.sleep(grace.toMillis());
        System.exit(exitCode());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "sohoa-" + name + "-grace");
    deadline.setDaemon(true);
    deadline.start();
  }

  /** Waits for a signal; true if one came. */
  boolean await(Duration timeout) throws InterruptedException {
    return requested.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Whether a signal has come. */
  boolean requested() {
    return requested.getCount() == 0;
  }

  /** 128 + the signal's number once one came (130 for Ctrl-C, 143 for SIGTERM); else 0. */
  int exitCode() {
    return signalNumber == 0 ? 0 : 128 + signalNumber;
  }

  /** The command has ended: the signals get their usual meaning again. */
  @Override
  public void close() {
    for (Restore restore : previous) {
      Signal.handle(restore.signal(), restore.handler());
    }
  }
}
