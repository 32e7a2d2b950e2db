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
  private final String code;
  private final ExitStatus exitStatus;
  private final int httpStatus;

  /**
   * @param code a short stable name for reports and JSON, e.g. {@code encrypted-input}, with a
   *     reason and a remedy under {@code error.<code>} in the message catalogue
   * @param exitStatus what a command ends with
   * @param httpStatus what the API and the console answer: 404 for what is not there, 422 for
   *     what the request or the input can change, 502 for the signer or its timestamp authority,
   *     503 for a service that is down (store, catalog, OCR engine, broker)
   */
  SohoaException(String problem, String remedy, Throwable cause, String code,
      ExitStatus exitStatus, int httpStatus) {
    super(problem, cause);
    this.remedy = remedy;
    this.code = code;
    this.exitStatus = exitStatus;
    this.httpStatus = httpStatus;
  }

  /** What the officer should do, as one imperative sentence. */
  public final String remedy() {
    return remedy;
  }

  public final ExitStatus exitStatus() {
    return exitStatus;
  }

  /**
   * The HTTP status an API answers this failure with, beside the exit code a command ends with:
   * the one place a front door learns what kind of failure it has, never from the message.
   */
  public final int httpStatus() {
    return httpStatus;
  }

  /** A short stable name for reports and JSON, e.g. {@code encrypted-input}. */
  public final String code() {
    return code;
  }
}
