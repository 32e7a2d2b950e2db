package sohoa.archive.fixity;

/** Told as an audit goes, for a progress bar. */
@FunctionalInterface
public interface FixityProgress {
  /**
   * @param documents documents checked so far, of {@code total} (an upper bound)
   * @param bytes bytes hashed so far
   */
  void progressed(long documents, long total, long bytes);
}
