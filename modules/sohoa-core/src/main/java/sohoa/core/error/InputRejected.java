package sohoa.core.error;

/**
 * The input file itself is the problem: it is kept in quarantine with the reason beside it, and the
 * rest of the batch goes on.
 */
public abstract sealed class InputRejected extends SohoaException
    permits EmptyInput, TruncatedInput, UnreadableInput, UnsupportedInput, EncryptedInput,
        InputTooLarge, TooSlowInput {
  InputRejected(String problem, String remedy, Throwable cause, String code) {
    super(problem, remedy, cause, code, ExitStatus.SOME_FAILED, 422);
  }
}
