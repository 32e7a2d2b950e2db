package sohoa.archive.fixity;

/**
 * Keeps reading at or below a rate, by sleeping when it runs ahead. Shared by the hashing threads:
 * one sleeping holds the others back too, as the rate is the whole audit's.
 */
final class Throttle {
  private final long bytesPerSecond;
  private final long start = System.nanoTime();
  private long consumed;

  /** @param bytesPerSecond 0 for no limit */
  Throttle(long bytesPerSecond) {
    this.bytesPerSecond = bytesPerSecond;
  }

  synchronized void consumed(long bytes) throws InterruptedException {
    if (bytesPerSecond <= 0) {
      return;
    }
    consumed += bytes;
    long due = start + (long) (consumed * 1e9 / bytesPerSecond);
    long ahead = due - System.nanoTime();
    if (ahead > 1_000_000) {
      Thread.sleep(ahead / 1_000_000, (int) (ahead % 1_000_000));
    }
  }
}
