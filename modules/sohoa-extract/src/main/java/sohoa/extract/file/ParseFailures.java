package sohoa.extract.file;

/**
 * What a parse failure comes down to, the same on both sides of Tika's pipe: the reader in this
 * process and the child's parser ({@link ChildParsers}) ask it of the exceptions they catch.
 */
final class ParseFailures {
  private ParseFailures() {}

  /** Whether {@code e} or one of its causes is running out of memory. */
  static boolean outOfMemory(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OutOfMemoryError) {
        return true;
      }
    }
    return false;
  }

  /** The innermost cause's message, or its type where it has none. */
  static String reason(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
  }
}
