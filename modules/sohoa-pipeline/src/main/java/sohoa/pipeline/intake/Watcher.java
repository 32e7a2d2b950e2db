package sohoa.pipeline.intake;

import java.io.IOException;
import sohoa.core.error.StorageFailure;

/** Something scans arrive in, looked at again and again. */
public interface Watcher {
  /** Takes what has finished arriving since the last look. */
  Look look() throws IOException, StorageFailure;
}
