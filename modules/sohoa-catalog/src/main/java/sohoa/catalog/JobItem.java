package sohoa.catalog;

import java.util.Optional;
import sohoa.core.document.DocumentId;

/**
 * What became of one input of a job.
 *
 * @param errorRemedy for a failed input, what to do about it
 */
public record JobItem(String sourcePath, Status status, Optional<DocumentId> documentId,
    Optional<String> errorCode, Optional<String> errorMessage, Optional<String> errorRemedy) {

  /** The outcome of one input. */
  public enum Status {
    /** Handed to the workers, no outcome yet. */
    QUEUED,
    DONE,
    REUSED,
    FAILED
  }
}
