package sohoa.catalog;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A key to the HTTP API, without its secret.
 *
 * @param agency the agency whose documents alone the key may see; empty: all
 * @param officer the officer account (user name) the key acts for: the one whose name a
 *     certified copy issued with it prints; empty: it issues none
 */
public record ApiKey(String id, Role role, Optional<String> agency, Optional<String> officer,
    String label, Instant createdAt) {
  /** What a key may do; each role may do what the ones before it may. */
  public enum Role {
    /** Read documents, copies and metadata; verify. */
    READER,
    /** Also issue certified copies and submit scans. */
    OFFICER,
    /** Everything. */
    ADMIN;

    public boolean allows(Role needed) {
      return compareTo(needed) >= 0;
    }
  }

  public ApiKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(agency, "agency");
    Objects.requireNonNull(officer, "officer");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** Whether the key may see a document issued by {@code documentAgency}. */
  public boolean maySee(Optional<String> documentAgency) {
    return AgencyScope.covers(agency, documentAgency);
  }
}
