package sohoa.catalog;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import sohoa.core.document.ContentHash;
import sohoa.core.error.StorageFailure;

/**
 * The one writer of the audit log (nhật ký): the pipeline, the command line, the console and the
 * API each record what they did through a trail, which stamps each entry with its clock's time.
 * Entries recorded in one call are committed together, in order, or not at all.
 */
public final class AuditTrail {
  private final AuditLog log;
  private final Clock clock;

  AuditTrail(AuditLog log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  /**
   * What someone did: {@code actor} ({@code cli:<user>}, {@code officer:<user>},
   * {@code key:<id>}, {@code sohoa:<user>@<process>}, {@code public}) did {@code action} to
   * {@code subject}, a document's original when it concerns one.
   */
  public record Entry(String actor, String action, String subject,
      Optional<ContentHash> document, String detail) {}

  /** Records {@code entries} in one transaction. */
  public void record(Entry... entries) throws StorageFailure {
    record(Arrays.asList(entries));
  }

  /** Records {@code entries} in one transaction. */
  public void record(List<Entry> entries) throws StorageFailure {
    log.appendAll(entries.stream().map(e -> new AuditLog.Event(e.actor(), e.action(),
        e.subject(), e.document(), e.detail(), clock.instant())).toList());
  }
}
