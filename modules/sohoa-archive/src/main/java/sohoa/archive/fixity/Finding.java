package sohoa.archive.fixity;

import java.util.Objects;

/**
 * One piece of damage a fixity audit found.
 *
 * @param key the object concerned
 * @param document the document or certified copy it belongs to, or null when none is known
 * @param repaired the audit repaired it ({@code --repair-catalog})
 */
public record Finding(Kind kind, String key, String document, String detail, boolean repaired) {
  public Finding {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(detail, "detail");
  }

  /** What is wrong, and what to do about it. */
  /** A finding nothing was done about. */
  static Finding of(Kind kind, String key, String document, String detail) {
    return new Finding(kind, key, document, detail, false);
  }

  public enum Kind {
    /** The object's bytes no longer hash to the SHA-256 its manifest recorded. */
    CORRUPT("restore the object from a replica or a backup; its manifest gives the hash to check"),
    /** A catalog row or a manifest names an object the store does not have. */
    MISSING("restore the object from a replica or a backup"),
    /** An object that no catalog row and no manifest names. */
    ORPHAN("find out who wrote it; delete it once it is known to be unwanted"),
    /** A document in the store the catalog does not index: searches cannot find it. */
    UNCATALOGUED("run 'sohoa check --repair-catalog' (or 'sohoa catalog rebuild')"),
    /** A manifest that cannot be read, or that disagrees with the catalog. */
    INCONSISTENT("compare the manifest with the catalog row; restore whichever is damaged");

    private final String remedy;

    Kind(String remedy) {
      this.remedy = remedy;
    }

    public String remedy() {
      return remedy;
    }

    /** The name reports use, e.g. {@code corrupt}. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
