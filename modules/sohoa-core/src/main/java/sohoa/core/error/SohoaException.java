package sohoa.core.error;

/**
 * A failure a records officer can act on. The message says what went wrong (and where, when the
 * thrower knows the page); {@link #remedy()} says what to do about it. Callers that know the file
 * add it when they report, so the message never repeats it. Programming errors are not
 * SohoaExceptions: they stay {@link IllegalArgumentException} and {@link IllegalStateException}.
 */
public abstract sealed class SohoaException extends Exception
    permits InputRejected, OcrUnavailable, StorageFailure, ConfigurationError, SigningFailure,
    CertificationFailure, BrokerFailure, InvalidPackage {
  private final String remedy;

  SohoaException(String problem, String remedy, Throwable cause) {
    super(problem, cause);
    this.remedy = remedy;
  }

  /** What the officer should do, as one imperative sentence. */
  public String remedy() {
    return remedy;
  }

  public abstract ExitStatus exitStatus();

  /** A short stable name for reports and JSON, e.g. {@code encrypted-input}. */
  public abstract String code();
}
