package sohoa.catalog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import sohoa.core.document.ContentHash;

/**
 * One line of the audit log.
 *
 * @param actor who acted: an API key ({@code key:<id>}), a command ({@code cli}) or a process
 * @param action what was done: {@code retrieve}, {@code certify}, {@code verify}, {@code submit},
 *     {@code key-create}, ...
 * @param subject what it was done to: a document, copy or key id
 * @param documentSha256 the hash of the document concerned, where there is one
 * @param previousHash the entry before's hash: the chain
 */
public record AuditEntry(long seq, Instant at, String actor, String action, String subject,
    Optional<ContentHash> documentSha256, String detail, ContentHash previousHash,
    ContentHash entryHash) {
  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(documentSha256, "documentSha256");
    Objects.requireNonNull(detail, "detail");
  }

  /** The hash an entry with these values must carry: everything in it, and the one before. */
  static ContentHash hash(long seq, Instant at, String actor, String action, String subject,
      Optional<ContentHash> document, String detail, ContentHash previous) {
    String canonical = String.join("\n", String.valueOf(seq), at.toString(), actor, action,
        subject, document.map(ContentHash::hex).orElse("-"), detail, previous.hex());
    return ContentHash.of(canonical.getBytes(StandardCharsets.UTF_8));
  }
}
