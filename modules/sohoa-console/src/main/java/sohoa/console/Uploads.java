package sohoa.console;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Where the console hands an uploaded scan to be digitised: the server's intake. */
public interface Uploads {
  /**
   * Takes the scan and starts digitising it; returns the job's id.
   *
   * @throws Full before a byte of {@code body} is read, when as many scans as may wait are waiting
   */
  String submit(InputStream body, String fileName) throws IOException, Full;

  /** The largest scan taken, in bytes. */
  long maxBytes();

  /** How far the job has gone, while it runs; empty once it is in the catalog, or unknown. */
  Optional<Progress> progress(String jobId);

  /** A running upload job: pages read out of pages found (0 until the scan is opened). */
  record Progress(int pagesDone, int pages) {}

  /**
   * The intake has no room for another scan now: {@code waiting} scans wait to be digitised, and
   * one place is likely free again after {@code retryAfterSeconds}. The scan itself is not at
   * fault, so each front door answers busy (503 with Retry-After) in its own words.
   */
  final class Full extends Exception {
    private final int waiting;
    private final int retryAfterSeconds;

    public Full(int waiting, int retryAfterSeconds) {
      super(waiting + " scans are waiting to be digitised");
      this.waiting = waiting;
      this.retryAfterSeconds = retryAfterSeconds;
    }

    public int waiting() {
      return waiting;
    }

    public int retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }
}
