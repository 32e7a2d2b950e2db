package sohoa.pipeline;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fixed pools of daemon threads with readable names ({@code sohoa-ocr-2}), so that a stuck process
 * can be diagnosed from a thread dump and never outlives its command.
 */
public final class WorkerThreads {
  private WorkerThreads() {}

  public static ExecutorService fixed(int count, String name) {
    AtomicInteger number = new AtomicInteger();
    return Executors.newFixedThreadPool(count, runnable -> {
      Thread thread = new Thread(runnable, "sohoa-" + name + "-" + number.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }
}
