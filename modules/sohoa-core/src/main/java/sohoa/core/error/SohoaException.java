package sohoa.core.error;

/**
 * A failure a records officer can act on. The message says what went wrong (and where, when the
 * thrower knows the page); {@link #remedy()} says what to do about it. Callers that know the file
 * add it when they report, so the message never repeats it. Programming errors are not
 * SohoaExceptions: they stay {@link IllegalArgumentException} and {@link IllegalStateException}.
 */
public abstract sealed class SohoaException extends Exception
    permits InputRejected, OcrUnavailable, StorageFailure, ConfigurationError, SigningFailure,
    CertificationFailure, BrokerFailure, InvalidPackage, NotFound {
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

  /**
   * The HTTP status an API answers this failure with, beside the exit code a command ends with:
   * the one place a front door learns what kind of failure it has, never from the message.
   */
  public abstract int httpStatus();

  /** A short stable name for reports and JSON, e.g. {@code encrypted-input}. */
  public abstract String code();
}
