package sohoa.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C or SIGTERM for a long-running command: the signal is turned into a request the command
 * sees between units of work, and the JVM waits (up to {@code grace}) for it to finish cleanly
 * instead of dying in the middle of a document.
 */
final class StopSignal implements AutoCloseable {
  private final CountDownLatch requested = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);
  private final Thread hook;

  private StopSignal(String name, Duration grace) {
    hook = new Thread(() -> {
      requested.countDown();
      try {
        finished.await(grace.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "sohoa-" + name + "-stop");
  }

  /** Starts listening for the signal. */
  static StopSignal install(String name, Duration grace) {
    StopSignal signal = new StopSignal(name, grace);
    Runtime.getRuntime().addShutdownHook(signal.hook);
    return signal;
  }

  /** Waits for the signal; true if it came. */
  boolean await(Duration timeout) throws InterruptedException {
    return requested.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The command has finished: lets a pending shutdown go on. */
  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Stopping because of the signal: the hook is what is running now.
    }
  }
}
