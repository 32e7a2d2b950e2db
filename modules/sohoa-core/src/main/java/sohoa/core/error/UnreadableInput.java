package sohoa.core.error;

/** The file claims a format it does not hold to: damaged bytes, an impossible structure. */
public final class UnreadableInput extends InputRejected {
  public UnreadableInput(String problem, String remedy) {
    this(problem, remedy, null);
  }

  public UnreadableInput(String problem, String remedy, Throwable cause) {
    super(problem, remedy, cause, "unreadable-input");
  }
}
