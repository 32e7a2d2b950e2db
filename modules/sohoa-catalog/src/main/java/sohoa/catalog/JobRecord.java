package sohoa.catalog;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A job as the catalog keeps it: when it started (and, for a batch, finished or was interrupted),
 * how many inputs it has so far, and what became of them. A queued job has no finish time; it is
 * complete when every input has an outcome. An interrupted batch stopped at a signal with inputs
 * still pending, and is resumed by running it again.
 */
public record JobRecord(String id, Instant startedAt, Optional<Instant> finishedAt, int inputs,
    int pages, int done, int reused, int failed, boolean interrupted) {
  public JobRecord {
    if (inputs < 0 || done < 0 || reused < 0 || failed < 0) {
      throw new IllegalArgumentException("a job's counts cannot be negative");
    }
  }

  /** Inputs with no outcome yet: queued, or in a worker's hands. */
  public int pending() {
    return Math.max(0, inputs - done - reused - failed);
  }

  /** The counts, in the order reports show them: inputs, done, reused, failed, pending. */
  public Map<String, Integer> tallies() {
    Map<String, Integer> tallies = new LinkedHashMap<>();
    tallies.put("inputs", inputs);
    tallies.put("done", done);
    tallies.put("reused", reused);
    tallies.put("failed", failed);
    tallies.put("pending", pending());
    return tallies;
  }

  /** Whether every input has an outcome (or the batch that ran it has finished). */
  public boolean complete() {
    return !interrupted && (finishedAt.isPresent() || pending() == 0);
  }

  /** Where the job stands: running, interrupted or finished. */
  public State state() {
    if (interrupted) {
      return State.INTERRUPTED;
    }
    return complete() ? State.FINISHED : State.RUNNING;
  }

  /** Where a job stands. */
  public enum State {
    RUNNING, INTERRUPTED, FINISHED
  }
}
