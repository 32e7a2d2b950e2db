package sohoa.core.error;

/** The file ends before its format says it should: cut short while copying or uploading. */
public final class TruncatedInput extends InputRejected {
  public TruncatedInput(String problem, String remedy) {
    this(problem, remedy, null);
  }

  public TruncatedInput(String problem, String remedy, Throwable cause) {
    super(problem, remedy, cause, "truncated-input");
  }
}
