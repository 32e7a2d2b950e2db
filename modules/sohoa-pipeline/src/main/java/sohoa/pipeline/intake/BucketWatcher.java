package sohoa.pipeline.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import sohoa.core.error.StorageFailure;
import sohoa.pipeline.FileNames;
import sohoa.pipeline.batch.Quarantine;
import sohoa.pipeline.failure.FailurePolicy;
import sohoa.store.s3.S3Inbox;

/**
 * Takes what arrives in a bucket prefix: each object is fetched into the work folder, handed to
 * the {@link Arrival}, and moved to {@code done/} or, rejected, to {@code quarantine/} beside its
 * reason; one the store or broker refused stays for the next look.
 */
public final class BucketWatcher implements Watcher {
  private final S3Inbox inbox;
  private final Path work;
  private final Arrival arrival;
  private final Clock clock;

  public BucketWatcher(S3Inbox inbox, Path work, Arrival arrival, Clock clock) {
    this.inbox = inbox;
    this.work = work;
    this.arrival = arrival;
    this.clock = clock;
  }

  @Override
  public Look look() throws IOException, StorageFailure {
    List<String> taken = new ArrayList<>();
    List<String> quarantined = new ArrayList<>();
    List<String> retried = new ArrayList<>();
    for (String name : inbox.waiting()) {
      Path folder = Files.createDirectories(work.resolve("inbox-" + UUID.randomUUID()));
      Path file = folder.resolve(FileNames.safe(Path.of(name.replace('\\', '_'))));
      try {
        inbox.download(name, file);
        Taking.Result result = Taking.take(arrival, file, name);
        if (result instanceof Taking.Deferred deferred) {
          retried.add(deferred.note());
        } else if (result instanceof Taking.Refused refused) {
          FailurePolicy.Quarantine why = refused.why();
          inbox.quarantine(name, Quarantine.reason(name, why.code(), why.reason(), why.remedy(),
              clock.instant()));
          quarantined.add(S3Inbox.QUARANTINE + name);
        } else {
          inbox.markDone(name);
          taken.add(S3Inbox.DONE + name);
        }
      } finally {
        Files.deleteIfExists(file);
        Files.deleteIfExists(folder);
      }
    }
    return new Look(taken, quarantined, retried);
  }
}
