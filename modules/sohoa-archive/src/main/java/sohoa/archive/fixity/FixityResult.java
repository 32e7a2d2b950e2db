package sohoa.archive.fixity;

import java.time.Duration;
import java.util.List;

/**
 * What an audit found.
 *
 * @param documents documents checked
 * @param copies certified copies checked
 * @param objects objects hashed
 * @param bytes bytes hashed
 * @param resumed the run continued an interrupted one
 */
public record FixityResult(long documents, long copies, long objects, long bytes,
    Duration elapsed, List<Finding> findings, boolean resumed) {
  public FixityResult {
    findings = List.copyOf(findings);
  }

  /** Damage found and not repaired: {@code sohoa check} exits 3 when there is any. */
  public long damage() {
    return findings.stream().filter(f -> !f.repaired()).count();
  }

  public double megabytesPerSecond() {
    return elapsed.toMillis() > 0 ? bytes / 1e6 / (elapsed.toMillis() / 1000.0) : 0;
  }
}
