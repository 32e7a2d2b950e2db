package sohoa.core.error;

/** The file is over a configured limit (pixels, pages or bytes); raising the limit is an option. */
public final class InputTooLarge extends InputRejected {
  public InputTooLarge(String problem, String remedy) {
    this(problem, remedy, null);
  }

  public InputTooLarge(String problem, String remedy, Throwable cause) {
    super(problem, remedy, cause, "input-too-large");
  }
}
