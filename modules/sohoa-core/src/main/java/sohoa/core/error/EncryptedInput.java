package sohoa.core.error;

/** The PDF needs a password to be opened. */
public final class EncryptedInput extends InputRejected {
  public EncryptedInput(String problem, String remedy) {
    this(problem, remedy, null);
  }

  public EncryptedInput(String problem, String remedy, Throwable cause) {
    super(problem, remedy, cause, "encrypted-input");
  }
}
