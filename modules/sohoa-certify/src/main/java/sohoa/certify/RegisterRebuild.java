package sohoa.certify;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import sohoa.catalog.CertificationRegister;
import sohoa.catalog.RegisterBook;
import sohoa.catalog.RegisterEntry;
import sohoa.core.document.ContentHash;
import sohoa.core.document.CopyId;
import sohoa.core.document.DocumentId;
import sohoa.core.error.StorageFailure;
import sohoa.store.ObjectKey;
import sohoa.store.ObjectStore;

/**
 * Puts the issued certified copies back in the register from their manifests in the store
 * ({@code sohoa catalog rebuild}, after the documents). Voided numbers have no copy in the store
 * and cannot come back: they are reported as gaps, for the paper book to fill.
 */
public final class RegisterRebuild {
  private final ObjectStore store;
  private final CertificationRegister register;

  public RegisterRebuild(ObjectStore store, CertificationRegister register) {
    this.store = Objects.requireNonNull(store, "store");
    this.register = Objects.requireNonNull(register, "register");
  }

  /**
   * What a rebuild did.
   *
   * @param gaps per office and year, the numbers below the highest restored that no stored copy
   *     has (voided ones, or copies lost with the store), e.g. {@code ben-nghe 2026: [3, 7]}
   */
  public record Result(int restored, int present, List<String> gaps, List<String> problems) {
    public Result {
      gaps = List.copyOf(gaps);
      problems = List.copyOf(problems);
    }
  }

  public Result run() throws StorageFailure {
    int restored = 0;
    int present = 0;
    List<String> problems = new ArrayList<>();
    TreeMap<String, SortedSet<Integer>> numbers = new TreeMap<>();
    for (ObjectKey key : store.list("copies/")) {
      if (!key.value().endsWith("/manifest.json")) {
        continue;
      }
      try {
        RegisterEntry entry = entry(key);
        numbers.computeIfAbsent(entry.book().office() + " " + entry.book().year(),
            k -> new TreeSet<>()).add(entry.number());
        if (register.restore(entry)) {
          restored++;
        } else {
          present++;
        }
      } catch (IOException | IllegalArgumentException | NullPointerException e) {
        problems.add(key + ": " + e.getMessage());
      }
    }
    List<String> gaps = new ArrayList<>();
    numbers.forEach((year, taken) -> {
      List<Integer> missing = new ArrayList<>();
      for (int n = 1; n < taken.last(); n++) {
        if (!taken.contains(n)) {
          missing.add(n);
        }
      }
      if (!missing.isEmpty()) {
        gaps.add(year + ": " + missing);
      }
    });
    return new Result(restored, present, gaps, problems);
  }

  private RegisterEntry entry(ObjectKey key) throws IOException, StorageFailure {
    CopyManifest m = CopyManifest.read(store, key);
    Instant issued = Instant.parse(m.issuedAt());
    return new RegisterEntry(new RegisterBook(m.register().office(), m.register().book(),
        m.register().year()), m.register().number(), new CopyId(m.copyId()),
        new DocumentId(m.originalId()), RegisterEntry.Status.ISSUED, m.officer(),
        m.officerTitle(), m.agency(), "rebuilt from " + key, issued, Optional.of(issued),
        OptionalInt.of(m.pages()), Optional.of(m.certified().key()),
        Optional.of(new ContentHash(m.certified().sha256())), Optional.empty());
  }
}
