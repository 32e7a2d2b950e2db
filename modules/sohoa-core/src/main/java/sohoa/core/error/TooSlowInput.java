package sohoa.core.error;

/**
 * The document took longer than its time limit ({@code --max-seconds}) and was stopped between
 * two pages; what it had done is discarded and the rest of the batch goes on.
 */
public final class TooSlowInput extends InputRejected {
  public TooSlowInput(String problem, String remedy) {
    super(problem, remedy, null, "time-limit");
  }
}
