package sohoa.certify;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import sohoa.catalog.CertificationRegister;
import sohoa.catalog.RegisterEntry;
import sohoa.core.document.ContentHash;
import sohoa.core.error.StorageFailure;
import sohoa.core.process.Holder;
import sohoa.store.ObjectKey;
import sohoa.store.ObjectStore;

/**
 * Closes the register numbers that processes which died while issuing left RESERVED: ISSUED
 * when their copy and its manifest made it into the store (the manifest is stored last), VOIDED
 * with the reason otherwise. Run before every issuance and every export of the register.
 */
public final class AbandonedNumbers {
  /** How long a reservation from another host may stay open before it counts as abandoned. */
  static final Duration LEASE = Duration.ofMinutes(30);

  private final CertificationRegister register;
  private final ObjectStore store;
  private final Clock clock;
  private final Holder self = Holder.current();

  public AbandonedNumbers(CertificationRegister register, ObjectStore store, Clock clock) {
    this.register = Objects.requireNonNull(register, "register");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** @return the entries this closed */
  public List<RegisterEntry> close() throws StorageFailure {
    List<RegisterEntry> closed = new ArrayList<>();
    Instant now = clock.instant();
    for (RegisterEntry entry : register.reserved()) {
      if (!self.seesAbandoned(entry.holder(), entry.reservedAt(), now, LEASE)) {
        continue;
      }
      ObjectKey manifestKey = ObjectKey.copy(entry.copyId(), "manifest.json");
      try {
        if (store.exists(manifestKey)) {
          CopyManifest manifest = CopyManifest.read(store, manifestKey);
          closed.add(register.issue(entry, manifest.pages(), manifest.certified().key(),
              new ContentHash(manifest.certified().sha256()), now));
        } else {
          closed.add(register.voidEntry(entry, "the process that took this number ("
              + entry.holder() + ") stopped before its copy was stored", now));
        }
      } catch (StorageFailure e) {
        // Another process closed it first: that is what this was for.
        if (register.byCopy(entry.copyId()).map(r -> r.status() == RegisterEntry.Status.RESERVED)
            .orElse(false)) {
          throw e;
        }
      } catch (IOException e) {
        throw new StorageFailure("the manifest of copy " + entry.copyId() + " cannot be read: "
            + e.getMessage(), "check the object store; the number stays reserved until then", e);
      }
    }
    return closed;
  }
}
