package sohoa.core.error;

/**
 * The input file itself is the problem: it is kept in quarantine with the reason beside it, and the
 * rest of the batch goes on.
 */
public abstract sealed class InputRejected extends SohoaException
    permits EmptyInput, TruncatedInput, UnreadableInput, UnsupportedInput, EncryptedInput,
        InputTooLarge, TooSlowInput {
  InputRejected(String problem, String remedy, Throwable cause) {
    super(problem, remedy, cause);
  }

  @Override
  public int httpStatus() {
    // The input cannot be digitised: Unprocessable Content.
    return 422;
  }

  @Override
  public ExitStatus exitStatus() {
    return ExitStatus.SOME_FAILED;
  }
}
