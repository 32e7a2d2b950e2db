package sohoa.core.error;

/** The file has no bytes at all. */
public final class EmptyInput extends InputRejected {
  public EmptyInput(String problem, String remedy) {
    this(problem, remedy, null);
  }

  public EmptyInput(String problem, String remedy, Throwable cause) {
    super(problem, remedy, cause);
  }

  @Override
  public String code() {
    return "empty-input";
  }
}
