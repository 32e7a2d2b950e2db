package sohoa.console;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Where the console hands an uploaded scan to be digitised: the server's intake. */
public interface Uploads {
  /** Takes the scan and starts digitising it; returns the job's id. */
  String submit(InputStream body, String fileName) throws IOException;

  /** The largest scan taken, in bytes. */
  long maxBytes();

  /** How far the job has gone, while it runs; empty once it is in the catalog, or unknown. */
  Optional<Progress> progress(String jobId);

  /** A running upload job: pages read out of pages found (0 until the scan is opened). */
  record Progress(int pagesDone, int pages) {}
}
