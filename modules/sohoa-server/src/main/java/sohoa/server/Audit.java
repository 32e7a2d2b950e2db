package sohoa.server;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import sohoa.catalog.ApiKey;
import sohoa.catalog.AuditTrail;
import sohoa.core.document.ContentHash;
import sohoa.core.error.StorageFailure;

/**
 * Writes what a request did to the audit log: the actor is the caller's key ({@code key:<id>}),
 * or {@code public} on the verification page. A request waits until its entry is committed (an
 * action that cannot be logged is not answered); entries that requests log at the same moment
 * are committed together by one writer thread, so the log's lock is taken once per group, not
 * once per request.
 */
final class Audit implements AutoCloseable {
  /** The agency of the record a request read, set by whatever found it visible. */
  static final String AGENCY = "sohoa.agency";

  private record Pending(AuditTrail.Entry entry, CompletableFuture<Void> done) {}

  private final AuditTrail trail;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Thread writer;

  Audit(AuditTrail trail) {
    this.trail = trail;
    this.writer = new Thread(this::write, "sohoa-audit");
    writer.setDaemon(true);
    writer.start();
  }

  void record(Context ctx, String action, String subject, Optional<ContentHash> document)
      throws StorageFailure {
    ApiKey key = ctx.attribute(Access.KEY);
    String actor = key == null ? "public" : "key:" + key.id();
    String agency = ctx.attribute(AGENCY);
    Pending pending = new Pending(new AuditTrail.Entry(actor, action, subject, document,
        ctx.method().name() + " " + ctx.path()
            + (ctx.queryString() == null ? "" : "?" + ctx.queryString())
            + (agency == null ? "" : " agency=" + agency)),
        new CompletableFuture<>());
    queue.add(pending);
    try {
      pending.done().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageFailure("interrupted while writing the audit log", "try again", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof StorageFailure failure ? failure
          : new StorageFailure("cannot write the audit log: " + e.getCause().getMessage(),
              "check that the catalog database is reachable", e.getCause());
    }
  }

  private void write() {
    List<Pending> group = new ArrayList<>();
    while (!Thread.currentThread().isInterrupted()) {
      try {
        group.add(queue.take());
      } catch (InterruptedException e) {
        return;
      }
      queue.drainTo(group);
      try {
        trail.record(group.stream().map(Pending::entry).toList());
        group.forEach(p -> p.done().complete(null));
      } catch (StorageFailure | RuntimeException e) {
        group.forEach(p -> p.done().completeExceptionally(e));
      }
      group.clear();
    }
  }

  @Override
  public void close() {
    writer.interrupt();
  }
}
