package sohoa.catalog;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import sohoa.core.document.ContentHash;
import sohoa.core.document.CopyId;
import sohoa.core.document.DocumentId;
import sohoa.core.i18n.Messages;

/**
 * One line of the certification register: a number of a book and what became of it.
 *
 * @param holder the process that reserved the number ({@code host:pid:start}), to tell after a
 *     crash whether anyone will still finish it
 * @param finishedAt when it was issued or voided
 * @param objectKey where the signed copy is stored, once issued
 * @param sha256 the stored copy's hash, once issued
 * @param voidReason why the number was voided, if it was
 */
public record RegisterEntry(RegisterBook book, int number, CopyId copyId, DocumentId originalId,
    Status status, String officer, String officerTitle, String agency, String holder,
    Instant reservedAt, Optional<Instant> finishedAt, OptionalInt pageCount,
    Optional<String> objectKey, Optional<ContentHash> sha256, Optional<String> voidReason) {
  /** Where a number stands. */
  public enum Status {
    /** Taken by a process that is making the copy. */
    RESERVED,
    /** Bound to a stored, signed copy. */
    ISSUED,
    /** Given up, with the reason: the number stays in the book, used by no copy. */
    VOIDED;

    /** The status as the register book and its readers write it, in {@code words}' language. */
    public String label(Messages words) {
      return words.text("register.status." + name());
    }
  }

  public RegisterEntry {
    Objects.requireNonNull(book, "book");
    Objects.requireNonNull(copyId, "copyId");
    Objects.requireNonNull(originalId, "originalId");
    Objects.requireNonNull(status, "status");
    if (number < 1) {
      throw new IllegalArgumentException("register numbers start at 1, got " + number);
    }
    if (status == Status.ISSUED && (objectKey.isEmpty() || sha256.isEmpty())) {
      throw new IllegalArgumentException("an issued entry names its stored copy and hash");
    }
    if (status == Status.VOIDED && voidReason.isEmpty()) {
      throw new IllegalArgumentException("a voided entry says why");
    }
  }
}
