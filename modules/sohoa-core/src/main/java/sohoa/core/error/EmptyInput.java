package sohoa.core.error;

/** The file has no bytes at all. */
public final class EmptyInput extends InputRejected {
  /** The one thing to say about an empty file. */
  public EmptyInput() {
    this("the file is empty (0 bytes)", "scan it again, or copy it again from the source");
  }

  public EmptyInput(String problem, String remedy) {
    this(problem, remedy, null);
  }

  public EmptyInput(String problem, String remedy, Throwable cause) {
    super(problem, remedy, cause, "empty-input");
  }
}
